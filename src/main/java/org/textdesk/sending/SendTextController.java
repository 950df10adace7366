package org.textdesk.sending;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

@Controller
class SendTextController {

    private final SendTextService sendTextService;
    private final SendTextPages sendTextPages;

    SendTextController(SendTextService sendTextService, SendTextPages sendTextPages) {
        this.sendTextService = sendTextService;
        this.sendTextPages = sendTextPages;
    }

    @GetMapping("/clients/{clientId}/texts/new")
    String showSendTextForm(@PathVariable long clientId, @RequestParam(required = false) Long caseId,
            @RequestParam(required = false) Long resend, @RequestParam(required = false) Long scheduled,
            @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        SendTextForm form = new SendTextForm();
        form.setSendKey(UUID.randomUUID().toString());
        form.setCaseId(caseId);
        if (resend != null) {
            sendTextPages.fillForResend(form, clientId, resend);
        }
        if (scheduled != null) {
            sendTextPages.fillForEdit(form, clientId, scheduled, staff);
        }
        sendTextPages.preselectCase(form, clientId);
        model.addAttribute("sendTextForm", form);
        model.addAttribute("page", sendTextPages.pageFor(clientId, staff));
        return "sending/send";
    }

    @PostMapping("/clients/{clientId}/texts")
    String processSendTextForm(@PathVariable long clientId, @ModelAttribute SendTextForm sendTextForm,
            BindingResult result, @AuthenticationPrincipal StaffPrincipal staff, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("page", sendTextPages.pageFor(clientId, staff));
            return "sending/send";
        }
        try {
            if (sendTextForm.isLater()) {
                sendTextService.scheduleText(clientId, sendTextForm, staff);
                Flash.success(redirect, sendTextForm.getScheduledId() == null ? "reminders.scheduled.saved"
                        : "reminders.scheduled.changed");
                return "redirect:/scheduled";
            }
            return shown(sendTextService.sendText(clientId, sendTextForm, staff), redirect);
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            model.addAttribute("page", sendTextPages.pageFor(clientId, staff));
            return "sending/send";
        }
    }

    private static String shown(SendTextService.SentText sent, RedirectAttributes redirect) {
        redirect.addFlashAttribute("justSent", true);
        redirect.addFlashAttribute("stillRecording", sent.stillRecording());
        return "redirect:/texts/" + sent.messageId();
    }

    @PostMapping("/texts/{messageId}/retry")
    String processRetry(@PathVariable long messageId, @AuthenticationPrincipal StaffPrincipal staff,
            RedirectAttributes redirect) {
        try {
            return shown(sendTextService.retry(messageId, staff), redirect);
        } catch (FieldRuleException refused) {
            Flash.error(redirect, refused.messageKey());
            return "redirect:/texts/" + messageId;
        }
    }
}
