package org.textdesk.inbox;

import java.util.List;
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
import org.textdesk.client.Client;
import org.textdesk.client.ClientAccess;
import org.textdesk.client.ClientService;
import org.textdesk.media.TextAttachments;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Flash;

/**
 * Incoming: every text sent to the Twilio number, newest first. A text from a number no client has can
 * be attached to a client, whose Texts then show it.
 */
@Controller
class IncomingController {

    static final int CLIENT_CHOICES = 25;

    private final IncomingInbox incomingInbox;
    private final ClientService clientService;
    private final TextAttachments textAttachments;
    private final ReminderAnswers reminderAnswers;
    private final ClientAccess access;

    IncomingController(IncomingInbox incomingInbox, ClientService clientService, TextAttachments textAttachments,
            ClientAccess access, ReminderAnswers reminderAnswers) {
        this.access = access;
        this.reminderAnswers = reminderAnswers;
        this.textAttachments = textAttachments;
        this.incomingInbox = incomingInbox;
        this.clientService = clientService;
    }

    @GetMapping("/incoming")
    String showIncoming(@ModelAttribute IncomingForm incomingForm, BindingResult ignoredBadValues,
            @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        IncomingInbox.Listing listing = incomingInbox.page(incomingForm.getShow(), access.scopeOf(staff),
                incomingForm.getPage());
        model.addAttribute("incoming", listing.texts());
        List<Long> ids = listing.texts().getContent().stream().map(IncomingText::id).toList();
        model.addAttribute("attachments", textAttachments.ofTexts(ids));
        model.addAttribute("answers", reminderAnswers.answersOf(ids));
        model.addAttribute("incomingMoreThan", listing.moreThan());
        model.addAttribute("filters", IncomingFilter.values());
        return "inbox/incoming";
    }

    @GetMapping("/incoming/{messageId}/attach")
    String showAttach(@PathVariable long messageId, @ModelAttribute IncomingForm incomingForm,
            BindingResult ignoredBadValues, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("text", incomingInbox.find(messageId));
        List<Client> found = clientService.findClientsMatching(incomingForm.getQ(), access.scopeOf(staff),
                CLIENT_CHOICES);
        model.addAttribute("clientChoices", found);
        model.addAttribute("newClientFromNumberForm", new NewClientFromNumberForm());
        return "inbox/attach";
    }

    @PostMapping("/incoming/{messageId}/new-client")
    String processNewClient(@PathVariable long messageId,
            @jakarta.validation.Valid @ModelAttribute NewClientFromNumberForm newClientFromNumberForm,
            BindingResult result, @AuthenticationPrincipal StaffPrincipal staff, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Client client = incomingInbox.createClientFrom(messageId, newClientFromNumberForm.getFirstName(),
                        newClientFromNumberForm.getLastName(), staff);
                Flash.success(redirect, "incoming.newClient.added", client.getFullName());
                return "redirect:/clients/" + client.getId() + "/conversation";
            } catch (org.textdesk.system.FieldRuleException refused) {
                refused.rejectOn(result);
            }
        }
        model.addAttribute("text", incomingInbox.find(messageId));
        model.addAttribute("incomingForm", new IncomingForm());
        model.addAttribute("clientChoices", List.of());
        return "inbox/attach";
    }

    @PostMapping("/incoming/{messageId}/attach")
    String processAttach(@PathVariable long messageId, @RequestParam long clientId,
            @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        access.require(staff, clientId); // the client chosen, as any route naming a client
        Client client = incomingInbox.attach(messageId, clientId, staff);
        Flash.success(redirect, "incoming.attached", client.getFullName());
        return "redirect:/clients/" + clientId + "/texts";
    }
}
