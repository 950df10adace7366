package org.textdesk.reminders;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Flash;

/** The admin's Quiet hours page: the window of automated texts in the client's time. */
@Controller
class QuietHoursController {

    /** What the page posts: two times as hours:minutes. */
    static class QuietHoursForm {
        private String start = "";
        private String end = "";

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start == null ? "" : start.strip();
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end == null ? "" : end.strip();
        }
    }

    private final QuietHoursWindow window;

    QuietHoursController(QuietHoursWindow window) {
        this.window = window;
    }

    @GetMapping("/admin/quiet-hours")
    String showQuietHours(Model model) {
        QuietHours current = window.current();
        QuietHoursForm form = new QuietHoursForm();
        form.setStart(current.start().toString());
        form.setEnd(current.end().toString());
        model.addAttribute("quietHoursForm", form);
        return "reminders/quiet-hours";
    }

    @PostMapping("/admin/quiet-hours")
    String processQuietHours(@ModelAttribute QuietHoursForm quietHoursForm, BindingResult result,
            @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        LocalTime start = time(quietHoursForm.getStart(), "start", result);
        LocalTime end = time(quietHoursForm.getEnd(), "end", result);
        if (start != null && end != null && !start.isBefore(end)) {
            result.rejectValue("end", "reminders.quietHours.order");
        }
        if (result.hasErrors()) {
            return "reminders/quiet-hours";
        }
        window.save(new QuietHours(start, end), staff.id());
        Flash.success(redirect, "reminders.quietHours.saved", ScheduledController.WINDOW_TIME.format(start),
                ScheduledController.WINDOW_TIME.format(end));
        return "redirect:/admin/quiet-hours";
    }

    private static LocalTime time(String typed, String field, BindingResult result) {
        try {
            return LocalTime.parse(typed);
        } catch (DateTimeParseException notATime) {
            result.rejectValue(field, "reminders.quietHours.invalid");
            return null;
        }
    }
}
