package org.textdesk.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.textdesk.texting.IncomingTexts;
import org.textdesk.texting.StatusReports;

/**
 * Twilio's three webhooks (DESIGN.md "Twilio webhooks"; the paths are what admins paste into the Twilio
 * console). Only requests {@link TwilioWebhookFilter} verified get here. Each writes in one statement or
 * one short transaction and calls nothing out; the answers are empty (status) or TwiML built with twilio-java.
 */
@Controller
class TwilioWebhookController {

    static final MediaType TWIML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

    /** Twilio's SIDs: two letters and hexadecimal (SM..., MM..., CA...), within what the column holds. */
    private static final Pattern SID = Pattern.compile("[A-Za-z]{2}[0-9A-Za-z]{1,62}");
    /** A status word, known or not; stored as it is (lower case). */
    private static final Pattern STATUS = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,31}");
    private static final Pattern ERROR_CODE = Pattern.compile("[0-9A-Za-z-]{1,10}");
    /** E.164 numbers (and the short codes and channel addresses Twilio may use), within what the columns hold. */
    private static final Pattern ADDRESS = Pattern.compile("[+0-9A-Za-z:._-]{1,20}");
    private static final Pattern ANY = Pattern.compile("(?s).{1,100}");

    /**
     * The TwiML of the last Text Response answered, with the empty {@code <Response/>} of keywords: twilio-java
     * builds TwiML through a new JAXP DocumentBuilderFactory and TransformerFactory each time, whose
     * service lookups scan the jar (a fifth of an incoming text's time; README "Performance").
     */
    private static final String EMPTY_RESPONSE = new MessagingResponse.Builder().build().toXml();
    private volatile Twiml lastTextResponse = new Twiml(null, EMPTY_RESPONSE);

    private record Twiml(String textResponse, String xml) {
    }

    private final StatusReports statusReports;
    private final IncomingTexts incomingTexts;

    TwilioWebhookController(StatusReports statusReports, IncomingTexts incomingTexts) {
        this.statusReports = statusReports;
        this.incomingTexts = incomingTexts;
    }

    /** A text's status changed: recorded once per status (kept for later when no text has the SID yet); 200, empty. */
    @PostMapping(WebhookAddresses.STATUS_PATH)
    ResponseEntity<Void> statusCallback(@RequestAttribute(VerifiedWebhook.ATTRIBUTE) VerifiedWebhook webhook) {
        String sid = webhook.required("MessageSid", SID);
        String status = webhook.optional("MessageStatus", STATUS)
                .orElseGet(() -> webhook.required("SmsStatus", STATUS));
        String errorCode = webhook.optional("ErrorCode", ERROR_CODE).orElse(null);
        StatusReports.Outcome outcome = statusReports.recordStatusReport(sid, status, errorCode,
                RawDlrDoneDate.parse(webhook.text("RawDlrDoneDate")).orElse(null));
        if (outcome == StatusReports.Outcome.KEPT_EARLY) {
            log.info("Status callback for a SID no text has yet, kept until one has it: {} ({})", sid, status);
        }
        return ResponseEntity.ok().build();
    }

    /** A text came in: stored; keywords answered with an empty Response, other texts with the Text Response. */
    @PostMapping(WebhookAddresses.SMS_PATH)
    ResponseEntity<String> incomingText(@RequestAttribute(VerifiedWebhook.ATTRIBUTE) VerifiedWebhook webhook) {
        String sid = webhook.required("MessageSid", SID);
        String from = webhook.required("From", ADDRESS);
        String to = webhook.required("To", ADDRESS);
        String optOutType = webhook.optional("OptOutType", ANY).orElse(null);
        IncomingTexts.Reply reply = incomingTexts.receive(sid, from, to, webhook.text("Body"), optOutType);
        if (reply != IncomingTexts.Reply.TEXT_RESPONSE || !hasText(webhook.textResponse())) {
            return twiml(EMPTY_RESPONSE);
        }
        return twiml(textResponseTwiml(webhook.textResponse()));
    }

    private String textResponseTwiml(String textResponse) {
        Twiml last = lastTextResponse;
        if (!textResponse.equals(last.textResponse())) {
            last = new Twiml(textResponse, new MessagingResponse.Builder()
                    .message(new Message.Builder(textResponse).build()).build().toXml());
            lastTextResponse = last;
        }
        return last.xml();
    }

    /** A call came in: Say the Call Response, then hang up. Nothing is stored. */
    @PostMapping(WebhookAddresses.VOICE_PATH)
    ResponseEntity<String> incomingCall(@RequestAttribute(VerifiedWebhook.ATTRIBUTE) VerifiedWebhook webhook) {
        String sid = webhook.required("CallSid", SID);
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        if (hasText(webhook.callResponse())) {
            twiml.say(new Say.Builder(webhook.callResponse()).build());
        }
        log.info("Incoming call {} answered with the Call Response", sid);
        return twiml(twiml.hangup(new Hangup.Builder().build()).build().toXml());
    }

    @ExceptionHandler(VerifiedWebhook.BadParameterException.class)
    ResponseEntity<Void> badParameter(VerifiedWebhook.BadParameterException problem) {
        log.warn("Twilio webhook refused with 400: {}", problem.getMessage());
        return ResponseEntity.badRequest().build();
    }

    private static ResponseEntity<String> twiml(String xml) {
        return ResponseEntity.ok().contentType(TWIML).body(xml);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
