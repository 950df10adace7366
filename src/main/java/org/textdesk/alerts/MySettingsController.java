package org.textdesk.alerts;

import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.ui.Model;
import org.textdesk.coverage.Away;
import org.textdesk.coverage.AwayForm;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/**
 * My settings: the logged-in person's own email address and email alert choice, and their away period with the
 * colleague who covers (the coverage module's; this page is where a person sets it, so alerts uses coverage).
 */
@Controller
@RequestMapping("/settings")
class MySettingsController {

    private final MySettings mySettings;
    private final EmailAlerts emailAlerts;
    private final Away away;

    MySettingsController(MySettings mySettings, EmailAlerts emailAlerts, Away away) {
        this.mySettings = mySettings;
        this.emailAlerts = emailAlerts;
        this.away = away;
    }

    /** The alert choices in the order shown: off, then the hours. */
    @ModelAttribute("alertChoices")
    List<String> alertChoices() {
        return Stream.concat(Stream.of(MySettingsForm.OFF), AlertRule.CHOICES.stream().map(String::valueOf)).toList();
    }

    @ModelAttribute("mailConfigured")
    boolean mailConfigured() {
        return emailAlerts.mailConfigured();
    }

    @GetMapping
    String showMySettings(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("mySettingsForm", mySettings.current(me.id()));
        model.addAttribute("awayForm", away.current(me.id()));
        return page(me, model);
    }

    @PostMapping
    String saveMySettings(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute MySettingsForm mySettingsForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("awayForm", away.current(me.id()));
        if (result.hasErrors()) {
            return page(me, model);
        }
        try {
            mySettings.save(me.id(), mySettingsForm);
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return page(me, model);
        }
        Flash.success(redirect, "settings.saved");
        return "redirect:/settings";
    }

    @PostMapping("/away")
    String saveAway(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute AwayForm awayForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("mySettingsForm", mySettings.current(me.id()));
        try {
            away.save(me.id(), awayForm);
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return page(me, model);
        }
        Flash.success(redirect, "away.saved");
        return "redirect:/settings";
    }

    @PostMapping("/away/end")
    String endAway(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        away.end(me.id());
        Flash.success(redirect, "away.ended");
        return "redirect:/settings";
    }

    /** The page with both forms, the away period as set, and the colleagues who may cover. */
    private String page(StaffPrincipal me, Model model) {
        model.addAttribute("awayStatus", away.statusOf(me.id()).orElse(null));
        model.addAttribute("colleagues", away.colleaguesOf(me.id()));
        return "alerts/settings";
    }
}
