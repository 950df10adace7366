package org.textdesk.appointments;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffService;
import org.textdesk.system.Choice;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;
import org.textdesk.system.OrganisationTime;

/** Booking, moving and cancelling a case's appointments; the case page lists them with their reminders. */
@Controller
class AppointmentController {

    private static final String FORM = "appointments/form";
    private static final Pattern BOOKING_KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final Appointments appointments;
    private final CaseService caseService;
    private final StaffService staffService;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    AppointmentController(Appointments appointments, CaseService caseService, StaffService staffService,
            OrganisationTime organisationTime, Clock clock) {
        this.appointments = appointments;
        this.caseService = caseService;
        this.staffService = staffService;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/appointments/new")
    String showNewAppointment(@PathVariable long caseId, @AuthenticationPrincipal StaffPrincipal actor, Model model) {
        AppointmentForm form = new AppointmentForm();
        form.setStaffId(actor.id());
        form.setBookingKey(UUID.randomUUID().toString());
        model.addAttribute("appointmentForm", form);
        return form(caseService.findCase(caseId), null, model);
    }

    @PostMapping("/cases/{caseId}/appointments/new")
    String bookAppointment(@PathVariable long caseId, @ModelAttribute AppointmentForm appointmentForm,
            BindingResult result, @AuthenticationPrincipal StaffPrincipal actor, Model model,
            RedirectAttributes redirect) {
        CaseRecord caseRecord = caseService.findCase(caseId);
        if (!BOOKING_KEY.matcher(appointmentForm.getBookingKey()).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the form's booking key is missing");
        }
        try {
            appointments.book(caseId, appointmentForm.details(organisationTime.zone(), clock.instant(),
                    offeredStaffIds()), appointmentForm.getBookingKey(), actor);
            Flash.success(redirect, "appointments.booked");
            return "redirect:/cases/" + caseId + "#appointments";
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return form(caseRecord, null, model);
        } catch (DataIntegrityViolationException sameFormPostedTwiceAtOnce) {
            Flash.success(redirect, "appointments.booked");
            return "redirect:/cases/" + caseId + "#appointments";
        }
    }

    @GetMapping("/appointments/{appointmentId}/edit")
    String showEditAppointment(@PathVariable long appointmentId, Model model) {
        AppointmentRows.Appointment appointment = appointments.find(appointmentId);
        model.addAttribute("appointmentForm", AppointmentForm.of(appointment, organisationTime.zone()));
        return form(caseService.findCase(appointment.caseId()), appointment, model);
    }

    @PostMapping("/appointments/{appointmentId}/edit")
    String changeAppointment(@PathVariable long appointmentId, @ModelAttribute AppointmentForm appointmentForm,
            BindingResult result, @AuthenticationPrincipal StaffPrincipal actor, Model model,
            RedirectAttributes redirect) {
        AppointmentRows.Appointment appointment = appointments.find(appointmentId);
        try {
            appointments.change(appointmentId, appointmentForm.getVersion() == null ? -1 : appointmentForm.getVersion(),
                    appointmentForm.details(organisationTime.zone(), clock.instant(), offeredStaffIds()), actor);
            Flash.success(redirect, "appointments.changed");
            return "redirect:/cases/" + appointment.caseId() + "#appointments";
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return form(caseService.findCase(appointment.caseId()), appointment, model);
        }
    }

    @PostMapping("/appointments/{appointmentId}/cancel")
    String cancelAppointment(@PathVariable long appointmentId, RedirectAttributes redirect) {
        AppointmentRows.Appointment appointment = appointments.find(appointmentId);
        try {
            appointments.cancel(appointmentId);
            Flash.success(redirect, "appointments.cancelled");
        } catch (FieldRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/cases/" + appointment.caseId() + "#appointments";
    }

    private String form(CaseRecord caseRecord, AppointmentRows.Appointment appointment, Model model) {
        model.addAttribute("caseRecord", caseRecord);
        model.addAttribute("appointment", appointment);
        model.addAttribute("zone", organisationTime.zone().getId());
        model.addAttribute("staffChoices", offeredStaff().stream()
                .map(staff -> Choice.of(staff.getId(), staff.getDisplayName())).toList());
        return FORM;
    }

    private List<Staff> offeredStaff() {
        return staffService.listStaff().stream().filter(Staff::isEnabled).toList();
    }

    private Set<Long> offeredStaffIds() {
        return offeredStaff().stream().map(Staff::getId).collect(Collectors.toSet());
    }
}
