package org.textdesk.reminders;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/** The Scheduled page: a caseworker's scheduled texts (an admin's: everyone's), with edit and cancel until they go. */
@Controller
class ScheduledController {

    static final DateTimeFormatter WINDOW_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final ScheduledRows rows;
    private final ScheduledTexts scheduledTexts;
    private final QuietHoursWindow quietHours;

    ScheduledController(ScheduledRows rows, ScheduledTexts scheduledTexts, QuietHoursWindow quietHours) {
        this.rows = rows;
        this.scheduledTexts = scheduledTexts;
        this.quietHours = quietHours;
    }

    @GetMapping("/scheduled")
    String showScheduled(@AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        QuietHours window = quietHours.current();
        // a page number that is not one (typed into the address) shows the first page; past the end, the last
        int number = page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
        ScheduledRows.Listing listing = rows.pageFor(staff, number);
        model.addAttribute("rows", listing.rows().getContent());
        model.addAttribute("scheduledPage", listing.rows());
        model.addAttribute("scheduledMoreThan", listing.moreThan());
        model.addAttribute("windowStart", WINDOW_TIME.format(window.start()));
        model.addAttribute("windowEnd", WINDOW_TIME.format(window.end()));
        return "reminders/scheduled";
    }

    @PostMapping("/scheduled/{scheduledId}/cancel")
    String processCancel(@PathVariable("scheduledId") long id, @AuthenticationPrincipal StaffPrincipal staff,
            RedirectAttributes redirect) {
        try {
            scheduledTexts.cancel(id, staff);
            Flash.success(redirect, "reminders.scheduled.cancelled");
        } catch (FieldRuleException gone) {
            Flash.error(redirect, gone.messageKey());
        }
        return "redirect:/scheduled";
    }
}
