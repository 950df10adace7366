package org.textdesk.history;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.textdesk.inbox.IncomingInbox;
import org.textdesk.media.TextAttachments;
import org.textdesk.staff.StaffPrincipal;

/** A text's page with its Message Status, and the status part alone, which the page asks for until final. */
@Controller
class MessageController {

    private final MessagePages messagePages;
    private final IncomingInbox incomingInbox;
    private final TextAttachments textAttachments;

    MessageController(MessagePages messagePages, IncomingInbox incomingInbox, TextAttachments textAttachments) {
        this.textAttachments = textAttachments;
        this.messagePages = messagePages;
        this.incomingInbox = incomingInbox;
    }

    /** Opening an incoming text marks it read by anyone (the Incoming page); My inbox moves with the thread. */
    @GetMapping("/texts/{messageId}")
    String showMessage(@PathVariable long messageId, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        MessageDetails details = messagePages.details(messageId);
        if (details.incoming()) {
            incomingInbox.markRead(messageId, staff.id());
        }
        model.addAttribute("details", details);
        model.addAttribute("attachments", textAttachments.ofText(messageId));
        return details.incoming() ? "history/incoming-text" : "history/message";
    }

    /** The status part of the text's page (static/js/message-status.js replaces it while not final). */
    @GetMapping("/texts/{messageId}/status")
    String showStatus(@PathVariable long messageId, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("details", messagePages.status(messageId));
        return "history/status :: status";
    }
}
