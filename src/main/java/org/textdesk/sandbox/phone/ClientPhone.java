package org.textdesk.sandbox.phone;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.textdesk.sandbox.LocalAddress;
import org.textdesk.sandbox.SandboxAccount;
import org.textdesk.sandbox.TwilioStyleRequests;
import org.textdesk.sandbox.WebhookTargets;
import org.textdesk.sandbox.api.SandboxApi;
import org.textdesk.sandbox.api.SandboxMessage;
import org.textdesk.sandbox.api.SandboxMessages;
import org.textdesk.sandbox.api.TwilioJson;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * A client's phone, simulated: what it received through the sandbox, and what it sends. Its texts, pictures
 * and calls reach TextDesk as Twilio's webhooks do: posted over HTTP to /twilio/sms and /twilio/voice, with
 * Twilio's parameters, signed with the sandbox account's Auth Token. Twilio itself sends the texts a TwiML
 * answer holds, so those appear on the phone too.
 */
@Service
class ClientPhone {

    private static final Logger log = LoggerFactory.getLogger(ClientPhone.class);
    static final int CONVERSATION_LENGTH = 50;

    /** What came of something the phone did. */
    record Outcome(boolean delivered, int httpStatus, List<String> answers) {

        static Outcome notAnswered() {
            return new Outcome(false, 0, List.of());
        }
    }

    private final SandboxMessages messages;
    private final TwilioStyleRequests requests;
    private final WebhookTargets targets;
    private final LocalAddress localAddress;
    private final TwilioSetupService setupService;
    private final Clock clock;

    ClientPhone(SandboxMessages messages, TwilioStyleRequests requests, WebhookTargets targets,
            LocalAddress localAddress, TwilioSetupService setupService, Clock clock) {
        this.messages = messages;
        this.requests = requests;
        this.targets = targets;
        this.localAddress = localAddress;
        this.setupService = setupService;
        this.clock = clock;
    }

    /** Whether Twilio Setup holds the sandbox's account, so the phone can reach TextDesk. */
    boolean connected() {
        TwilioSetup setup = setupService.currentSetup();
        return SandboxAccount.ACCOUNT_SID.equals(setup.accountSid()) && setup.authToken() != null
                && setup.twilioNumber() != null;
    }

    List<SandboxMessage> conversation(String phone) {
        return messages.conversation(phone, CONVERSATION_LENGTH).stream().filter(SandboxMessage::onThePhone).toList();
    }

    Outcome text(String phone, String body) {
        return receive(phone, body, null);
    }

    Outcome picture(String phone, SamplePicture picture) {
        return receive(phone, "", picture);
    }

    /** A call to the Twilio number: what TextDesk's /twilio/voice answer would say. */
    Outcome call(String phone) {
        TwilioSetup setup = setupService.currentSetup();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", SandboxAccount.ACCOUNT_SID);
        params.put("ApiVersion", SandboxAccount.API_VERSION);
        params.put("CallSid", SandboxApi.newSid("CA"));
        params.put("CallStatus", "ringing");
        params.put("Called", setup.twilioNumber());
        putPlace(params, "Called", setup.twilioNumber());
        params.put("Caller", phone);
        putPlace(params, "Caller", phone);
        params.put("Direction", "inbound");
        params.put("From", phone);
        putPlace(params, "From", phone);
        params.put("StirVerstat", "TN-Validation-Passed-A");
        params.put("To", setup.twilioNumber());
        putPlace(params, "To", setup.twilioNumber());
        try {
            TwilioStyleRequests.Answer answer = requests.post(targets.voice(), params, setup.authToken());
            return new Outcome(answer.ok(), answer.status(), answer.ok() ? Twiml.texts(answer.body(), "Say") : List.of());
        } catch (IOException unreachable) {
            log.warn("The simulated phone's call got no answer from /twilio/voice: {}", unreachable.toString());
            return Outcome.notAnswered();
        }
    }

    private Outcome receive(String phone, String body, SamplePicture picture) {
        TwilioSetup setup = setupService.currentSetup();
        Instant now = clock.instant();
        String sid = SandboxApi.newSid(picture == null ? "SM" : "MM");
        String mediaSid = picture == null ? null : SandboxApi.newSid("ME");
        // The sandbox's number counts as a member of its Messaging Service once Twilio Setup names that service:
        // Twilio then posts the service's SID with every incoming text.
        String service = SandboxAccount.MESSAGING_SERVICE_SID.equals(setup.messagingServiceSid())
                ? SandboxAccount.MESSAGING_SERVICE_SID : null;
        messages.add(new SandboxMessage(sid, SandboxAccount.ACCOUNT_SID, SandboxMessage.INBOUND, setup.twilioNumber(),
                phone, body, "received", 0, null, SandboxApi.segments(body), null, service, mediaSid,
                picture == null ? null : picture.contentType(), picture == null ? null : picture.fileName(), now, now,
                now));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("ToState", "");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", picture == null ? "0" : "1");
        params.put("ToCity", "");
        params.put("FromZip", "");
        params.put("SmsSid", sid);
        params.put("FromState", "");
        params.put("SmsStatus", "received");
        params.put("FromCity", "");
        params.put("Body", body);
        params.put("FromCountry", "US");
        params.put("To", setup.twilioNumber());
        params.put("ToZip", "");
        params.put("NumSegments", String.valueOf(SandboxApi.segments(body)));
        params.put("MessageSid", sid);
        params.put("AccountSid", SandboxAccount.ACCOUNT_SID);
        params.put("From", phone);
        params.put("ApiVersion", SandboxAccount.API_VERSION);
        if (service != null) {
            params.put("MessagingServiceSid", service);
        }
        if (picture != null) {
            params.put("MediaContentType0", picture.contentType());
            params.put("MediaUrl0", localAddress.baseUrl() + SandboxAccount.API_PATH
                    + TwilioJson.mediaUri(SandboxAccount.ACCOUNT_SID, sid, mediaSid));
        }
        TwilioStyleRequests.Answer answer;
        try {
            answer = requests.post(targets.sms(), params, setup.authToken());
        } catch (IOException unreachable) {
            log.warn("The simulated phone's text got no answer from /twilio/sms: {}", unreachable.toString());
            return Outcome.notAnswered();
        }
        if (!answer.ok()) {
            return new Outcome(false, answer.status(), List.of());
        }
        List<String> replies = Twiml.texts(answer.body(), "Message");
        for (String reply : replies) {
            Instant at = clock.instant();
            messages.add(new SandboxMessage(SandboxApi.newSid("SM"), SandboxAccount.ACCOUNT_SID,
                    SandboxMessage.OUTBOUND_REPLY, phone, setup.twilioNumber(), reply, "delivered", 3, null,
                    SandboxApi.segments(reply), null, null, null, null, null, at, at, at));
        }
        return new Outcome(true, answer.status(), replies);
    }

    /** Twilio's geographic parameters of a number; empty where Twilio does not know them. */
    private static void putPlace(Map<String, String> params, String prefix, String number) {
        params.put(prefix + "City", "");
        params.put(prefix + "Country", number != null && number.startsWith("+1") ? "US" : "");
        params.put(prefix + "State", "");
        params.put(prefix + "Zip", "");
    }
}
