package org.textdesk.conversation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.inbox.IncomingInbox;
import org.textdesk.sending.Replies;
import org.textdesk.sending.SendTextForm;
import org.textdesk.client.ClientAccess;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/**
 * A client's conversation: the thread of texts both ways and a reply box that sends through Send Text's own
 * path ({@link Replies}). Opening it marks the client's incoming texts read for me (and read by anyone), as their
 * Texts page does.
 */
@Controller
class ConversationController {

    private static final String PAGE = "conversation/thread";

    private final ConversationThread conversationThread;
    private final Replies replies;
    private final IncomingInbox incomingInbox;

    private final ClientAccess access;

    ConversationController(ConversationThread conversationThread, Replies replies, IncomingInbox incomingInbox,
            ClientAccess access) {
        this.access = access;
        this.conversationThread = conversationThread;
        this.replies = replies;
        this.incomingInbox = incomingInbox;
    }

    @GetMapping("/clients/{clientId}/conversation")
    String showConversation(@PathVariable long clientId, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("sendTextForm", replies.newForm(clientId));
        String page = page(clientId, staff, model);
        access.opened(staff, clientId, ClientAccess.Opening.CONVERSATION);
        return page;
    }

    @PostMapping("/clients/{clientId}/conversation")
    String processReply(@PathVariable long clientId, @ModelAttribute SendTextForm sendTextForm, BindingResult result,
            @AuthenticationPrincipal StaffPrincipal staff, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(clientId, staff, model);
        }
        try {
            long messageId = replies.send(clientId, sendTextForm, staff);
            Flash.success(redirect, "conversation.sent");
            return "redirect:/clients/" + clientId + "/conversation#text-" + messageId;
        } catch (FieldRuleException refused) {
            // The same words beside the same fields as Send Text; what was typed stays in the box.
            refused.rejectOn(result);
            return page(clientId, staff, model);
        }
    }

    private String page(long clientId, StaffPrincipal staff, Model model) {
        model.addAttribute("page", replies.page(clientId, staff));
        // Read before marking, so that the texts I had not read are still marked New on this page.
        model.addAttribute("thread", conversationThread.of(clientId, staff.id()));
        incomingInbox.markReadForClient(clientId, staff.id());
        return PAGE;
    }
}
