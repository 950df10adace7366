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
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/** My settings: the logged-in person's own email address and email alert choice. */
@Controller
@RequestMapping("/settings")
class MySettingsController {

    private final MySettings mySettings;
    private final EmailAlerts emailAlerts;

    MySettingsController(MySettings mySettings, EmailAlerts emailAlerts) {
        this.mySettings = mySettings;
        this.emailAlerts = emailAlerts;
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
        return "alerts/settings";
    }

    @PostMapping
    String saveMySettings(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute MySettingsForm mySettingsForm,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "alerts/settings";
        }
        try {
            mySettings.save(me.id(), mySettingsForm);
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return "alerts/settings";
        }
        Flash.success(redirect, "settings.saved");
        return "redirect:/settings";
    }
}
