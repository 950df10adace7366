package org.textdesk.reminders;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Choice;
import org.textdesk.system.Flash;

/** The client's time zone: the one the area code gives, or one set by hand when that is wrong. */
@Controller
class ClientTimeZoneController {

    /** The zones of the United States and its territories, east to west. */
    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
            "Pacific/Guam", "Pacific/Pago_Pago");
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("h:mm a z", Locale.US);

    /** What the page posts: a zone of {@link #ZONES}, or empty for the area code's. */
    static class TimeZoneForm {
        private String zone = "";

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone == null ? "" : zone.strip();
        }
    }

    private final ClientService clientService;
    private final ClientTimeZones timeZones;
    private final MessageSource messageSource;
    private final Clock clock;

    ClientTimeZoneController(ClientService clientService, ClientTimeZones timeZones, MessageSource messageSource,
            Clock clock) {
        this.clientService = clientService;
        this.timeZones = timeZones;
        this.messageSource = messageSource;
        this.clock = clock;
    }

    @GetMapping("/clients/{clientId}/time-zone")
    String showTimeZone(@PathVariable long clientId, Model model) {
        Client client = clientService.findClient(clientId);
        ClientZones zones = timeZones.zonesOf(client);
        List<Choice> choices = new ArrayList<>();
        choices.add(Choice.of("", messageSource.getMessage("reminders.timeZone.fromAreaCode", null,
                LocaleContextHolder.getLocale()), ""));
        ZONES.forEach(zone -> choices.add(Choice.of(zone, zone, zone)));
        model.addAttribute("client", client);
        model.addAttribute("zones", zones);
        model.addAttribute("choices", choices);
        TimeZoneForm form = new TimeZoneForm();
        form.setZone(zones.source() == ClientZones.Source.OVERRIDE ? zones.shown().getId() : "");
        model.addAttribute("timeZoneForm", form);
        model.addAttribute("now", NOW.format(clock.instant().atZone(zones.shown())));
        return "reminders/time-zone";
    }

    @PostMapping("/clients/{clientId}/time-zone")
    String processTimeZone(@PathVariable long clientId, @ModelAttribute TimeZoneForm timeZoneForm,
            @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        clientService.findClient(clientId);
        String zone = timeZoneForm.getZone();
        if (!zone.isEmpty() && !ZONES.contains(zone)) {
            Flash.error(redirect, "reminders.timeZone.unknown");
            return "redirect:/clients/" + clientId + "/time-zone";
        }
        timeZones.override(clientId, zone.isEmpty() ? null : ZoneId.of(zone), staff.id());
        Flash.success(redirect, "reminders.timeZone.saved");
        return "redirect:/clients/" + clientId + "/time-zone";
    }
}
