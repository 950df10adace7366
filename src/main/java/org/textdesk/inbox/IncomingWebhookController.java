package org.textdesk.inbox;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.textdesk.coverage.AwayReplies;
import org.textdesk.media.IncomingMedia;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twilio.VerifiedWebhook;
import org.textdesk.twilio.WebhookAddresses;

/**
 * Twilio's webhooks for incoming texts and calls (DESIGN.md "Twilio webhooks"; the paths are what admins paste
 * into the Twilio console). Only requests the twilio module's signature filter verified get here. A text is
 * written in one statement or one short transaction and nothing is called out; the answers are TwiML built
 * with twilio-java.
 */
@Controller
class IncomingWebhookController {

    static final MediaType TWIML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(IncomingWebhookController.class);

    /** Twilio's SIDs: two letters and hexadecimal (SM..., MM..., CA...), within what the column holds. */
    private static final Pattern SID = Pattern.compile("[A-Za-z]{2}[0-9A-Za-z]{1,62}");
    /** E.164 numbers (and the short codes and channel addresses Twilio may use), within what the columns hold. */
    private static final Pattern ADDRESS = Pattern.compile("[+0-9A-Za-z:._-]{1,20}");
    private static final Pattern ANY = Pattern.compile("(?s).{1,100}");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,4}");
    private static final Pattern MEDIA_URL = Pattern.compile("https?://\\S{1,1990}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("(?s).{1,255}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile(TwilioSetup.MESSAGING_SERVICE_SID_PATTERN);

    /**
     * The TwiML of the last Text Response answered, with the empty {@code <Response/>} of keywords: twilio-java
     * builds TwiML through a new JAXP DocumentBuilderFactory and TransformerFactory each time, whose
     * service lookups scan the jar (a fifth of an incoming text's time; README "Performance").
     */
    private static final String EMPTY_RESPONSE = new MessagingResponse.Builder().build().toXml();
    private volatile Twiml lastTextResponse = new Twiml(null, EMPTY_RESPONSE);

    private record Twiml(String textResponse, String xml) {
    }

    private final IncomingTexts incomingTexts;
    private final AwayReplies awayReplies;

    IncomingWebhookController(IncomingTexts incomingTexts, AwayReplies awayReplies) {
        this.incomingTexts = incomingTexts;
        this.awayReplies = awayReplies;
    }

    /**
     * A text came in: stored; keywords answered with an empty Response, other texts with the Text Response - or,
     * while the client's caseworker is away, with the away message once a day and nothing after it (never to a
     * keyword, nor to Twilio's help words HELP and INFO, which Twilio answers itself).
     */
    @PostMapping(WebhookAddresses.SMS_PATH)
    ResponseEntity<String> incomingText(@RequestAttribute(VerifiedWebhook.ATTRIBUTE) VerifiedWebhook webhook) {
        String sid = webhook.required("MessageSid", SID);
        String from = webhook.required("From", ADDRESS);
        String to = webhook.required("To", ADDRESS);
        String optOutType = webhook.optional("OptOutType", ANY).orElse(null);
        // Twilio adds it when the Twilio number is in a Messaging Service
        String messagingServiceSid = webhook.optional("MessagingServiceSid", MESSAGING_SERVICE_SID).orElse(null);
        IncomingTexts.Reply reply = incomingTexts.receive(sid, from, to, webhook.text("Body"), optOutType,
                media(webhook), messagingServiceSid);
        if (reply != IncomingTexts.Reply.TEXT_RESPONSE) {
            return twiml(EMPTY_RESPONSE);
        }
        AwayReplies.AwayReply away = Keyword.asksForHelp(webhook.text("Body"))
                ? new AwayReplies.AwayReply(AwayReplies.Kind.NOT_AWAY, null) : awayReplies.replyTo(from);
        return switch (away.kind()) {
            case AWAY_MESSAGE -> twiml(new MessagingResponse.Builder()
                    .message(new Message.Builder(away.message()).build()).build().toXml());
            case TOLD_TODAY -> twiml(EMPTY_RESPONSE);
            case NOT_AWAY -> hasText(webhook.textResponse()) ? twiml(textResponseTwiml(webhook.textResponse()))
                    : twiml(EMPTY_RESPONSE);
        };
    }

    /** NumMedia with each MediaUrl{N} and MediaContentType{N}: stored with the text, fetched later. */
    private static IncomingMedia media(VerifiedWebhook webhook) {
        int numMedia = Integer.parseInt(webhook.optional("NumMedia", COUNT).orElse("0"));
        return IncomingMedia.of(numMedia, n -> webhook.optional("MediaUrl" + n, MEDIA_URL).orElse(null),
                n -> webhook.optional("MediaContentType" + n, MEDIA_TYPE).orElse(null));
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

    private static ResponseEntity<String> twiml(String xml) {
        return ResponseEntity.ok().contentType(TWIML).body(xml);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
