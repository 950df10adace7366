package org.textdesk.conversation;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingInbox;
import org.textdesk.staff.StaffPrincipal;

/**
 * What an open conversation asks for when the event stream ({@code live} module) says something changed: the
 * events carry only ids, so the texts and the name come from here, through the same login as the page.
 */
@Controller
class LiveThreadController {

    private final ConversationThread conversationThread;
    private final ClientService clientService;
    private final IncomingInbox incomingInbox;
    private final MessageSource messages;

    LiveThreadController(ConversationThread conversationThread, ClientService clientService,
            IncomingInbox incomingInbox, MessageSource messages) {
        this.conversationThread = conversationThread;
        this.clientService = clientService;
        this.incomingInbox = incomingInbox;
        this.messages = messages;
    }

    /** The thread and the navigation's counts; the thread is open, so its new texts are read, as on the page. */
    @GetMapping("/clients/{clientId}/conversation/messages")
    String messages(@PathVariable long clientId, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("client", clientService.findClient(clientId));
        model.addAttribute("thread", conversationThread.of(clientId, staff.id()));
        incomingInbox.markReadForClient(clientId, staff.id());
        return "conversation/messages";
    }

    /** The words of a browser notification: the client's first name only, never the text. */
    @GetMapping("/clients/{clientId}/conversation/notice")
    ResponseEntity<Map<String, String>> notice(@PathVariable long clientId, Locale locale) {
        Client client = clientService.findClient(clientId);
        String title = messages.getMessage("live.notice", new Object[] {client.getFirstName()}, locale);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("title", title));
    }
}
