package org.textdesk.twiliosetup;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

@Controller
@RequestMapping("/admin/twilio")
class TwilioSetupController {

    static final String VIEW = "twiliosetup/setup";

    private final TwilioSetupService setupService;

    TwilioSetupController(TwilioSetupService setupService) {
        this.setupService = setupService;
    }

    @GetMapping
    String showSetup(Model model) {
        TwilioSetupPage page = setupService.page();
        model.addAttribute("page", page);
        model.addAttribute("setupForm", TwilioSetupForm.from(page));
        return VIEW;
    }

    @PostMapping
    String saveSetup(@ModelAttribute("setupForm") TwilioSetupForm setupForm, BindingResult result,
            @AuthenticationPrincipal StaffPrincipal admin, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showAgain(setupForm, model);
        }
        try {
            setupService.saveSetup(setupForm.toChange(), setupForm.getVersion(), admin);
        } catch (SetupRefusedException refused) {
            refused.rejectOn(result);
            return showAgain(setupForm, model);
        }
        Flash.success(redirect, "twilio.saved");
        return "redirect:/admin/twilio";
    }

    /** Tries the typed credentials (or the stored Auth Token) and shows the answer; saves nothing. */
    @PostMapping("/test")
    String testConnection(@ModelAttribute("setupForm") TwilioSetupForm setupForm, BindingResult result, Model model) {
        try {
            TwilioSetupService.ConnectionTest test = setupService.testConnection(setupForm.getAccountSid(),
                    setupForm.getAuthToken(), setupForm.getMessagingServiceSid(), setupForm.getTwilioNumber());
            model.addAttribute("connectionCheck", ConnectionCheckMessage.of(test.account(), setupService.apiBaseUrl()));
            if (test.messagingService() != null) {
                model.addAttribute("messagingServiceCheck", ConnectionCheckMessage.of(test.messagingService(),
                        test.messagingServiceSid(), setupForm.getAccountSid(), setupService.apiBaseUrl(),
                        setupForm.getTwilioNumber()));
            }
            model.addAttribute("typedTokenNotSaved", setupForm.hasTypedAuthToken());
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
        }
        return showAgain(setupForm, model);
    }

    private String showAgain(TwilioSetupForm setupForm, Model model) {
        setupForm.forgetAuthToken();
        model.addAttribute("page", setupService.page());
        return VIEW;
    }
}
