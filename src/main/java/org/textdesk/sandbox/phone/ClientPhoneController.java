package org.textdesk.sandbox.phone;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.sandbox.SandboxSwitch;
import org.textdesk.sandbox.api.SandboxApi;
import org.textdesk.system.Flash;
import org.textdesk.system.NotFoundException;

/**
 * The Client's phone page (only while the sandbox is on): the conversation as the client's phone shows it, and
 * buttons to answer as the client would: a text, STOP, START, HELP, a picture, a call.
 */
@Controller
@RequestMapping("/clients/{clientId}/phone")
class ClientPhoneController {

    static final String VIEW = "sandbox/phone";
    /** What a text from a phone may hold, as Twilio takes it (ten segments). */
    static final int TEXT_MAX = SandboxApi.BODY_MAX;

    private final SandboxSwitch sandboxSwitch;
    private final ClientService clientService;
    private final ClientPhone phone;

    ClientPhoneController(SandboxSwitch sandboxSwitch, ClientService clientService, ClientPhone phone) {
        this.sandboxSwitch = sandboxSwitch;
        this.clientService = clientService;
        this.phone = phone;
    }

    @GetMapping
    String showPhone(@PathVariable long clientId, Model model) {
        Client client = phoneOf(clientId);
        model.addAttribute("client", client);
        model.addAttribute("connected", phone.connected());
        model.addAttribute("conversation",
                client.getCellE164() == null ? List.of() : phone.conversation(client.getCellE164()).stream()
                        .map(PhoneBubble::of).toList());
        model.addAttribute("pictures", Arrays.stream(SamplePicture.values()).map(PhoneBubble.PictureChoice::of).toList());
        model.addAttribute("textMax", TEXT_MAX);
        return VIEW;
    }

    @PostMapping("/texts")
    String sendText(@PathVariable long clientId, @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        Client client = phoneOf(clientId);
        if (cannotSend(client, redirect)) {
            return back(clientId);
        }
        if (body.isBlank()) {
            Flash.error(redirect, "sandbox.phone.text.required");
            return back(clientId);
        }
        if (body.length() > TEXT_MAX) {
            Flash.error(redirect, "sandbox.phone.text.tooLong", TEXT_MAX);
            redirect.addFlashAttribute("typed", body);
            return back(clientId);
        }
        ClientPhone.Outcome outcome = phone.text(client.getCellE164(), body);
        report(outcome, "sandbox.phone.text.sent", redirect);
        if (!outcome.delivered()) {
            redirect.addFlashAttribute("typed", body);
        }
        return back(clientId);
    }

    @PostMapping("/pictures")
    String sendPicture(@PathVariable long clientId, @RequestParam(defaultValue = "") String picture,
            RedirectAttributes redirect) {
        Client client = phoneOf(clientId);
        if (cannotSend(client, redirect)) {
            return back(clientId);
        }
        SamplePicture chosen = SamplePicture.named(picture).orElse(null);
        if (chosen == null) {
            Flash.error(redirect, "sandbox.phone.picture.unknown");
            return back(clientId);
        }
        report(phone.picture(client.getCellE164(), chosen), "sandbox.phone.picture.sent", redirect);
        return back(clientId);
    }

    @PostMapping("/calls")
    String call(@PathVariable long clientId, RedirectAttributes redirect) {
        Client client = phoneOf(clientId);
        if (cannotSend(client, redirect)) {
            return back(clientId);
        }
        ClientPhone.Outcome outcome = phone.call(client.getCellE164());
        if (outcome.delivered()) {
            redirect.addFlashAttribute("spoken", outcome.answers());
        }
        report(outcome, "sandbox.phone.call.answered", redirect);
        return back(clientId);
    }

    private Client phoneOf(long clientId) {
        if (!sandboxSwitch.isOn()) {
            throw new NotFoundException("page", clientId);
        }
        return clientService.findClient(clientId);
    }

    private boolean cannotSend(Client client, RedirectAttributes redirect) {
        if (client.getCellE164() == null) {
            Flash.error(redirect, "sandbox.phone.noCell");
            return true;
        }
        if (!phone.connected()) {
            Flash.error(redirect, "sandbox.phone.notConnected");
            return true;
        }
        return false;
    }

    private static void report(ClientPhone.Outcome outcome, String successKey, RedirectAttributes redirect) {
        if (outcome.delivered()) {
            Flash.success(redirect, successKey);
        } else if (outcome.httpStatus() == 0) {
            Flash.error(redirect, "sandbox.phone.notAnswered");
        } else {
            Flash.error(redirect, "sandbox.phone.refused", outcome.httpStatus());
        }
    }

    private static String back(long clientId) {
        return "redirect:/clients/" + clientId + "/phone";
    }
}
