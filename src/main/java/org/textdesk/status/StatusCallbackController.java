package org.textdesk.status;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twilio.VerifiedWebhook;
import org.textdesk.twilio.WebhookAddresses;

/**
 * Twilio's status callback (DESIGN.md "Twilio webhooks"; the path is what admins paste into the Twilio
 * console). Only requests the twilio module's signature filter verified get here. A report is written in one
 * statement or one short transaction and nothing is called out; the answer is empty.
 */
@Controller
class StatusCallbackController {

    private static final Logger log = LoggerFactory.getLogger(StatusCallbackController.class);

    /** Twilio's SIDs: two letters and hexadecimal (SM..., MM..., CA...), within what the column holds. */
    private static final Pattern SID = Pattern.compile("[A-Za-z]{2}[0-9A-Za-z]{1,62}");
    /** A status word, known or not; stored as it is (lower case). */
    private static final Pattern STATUS = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,31}");
    private static final Pattern ERROR_CODE = Pattern.compile("[0-9A-Za-z-]{1,10}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile(TwilioSetup.MESSAGING_SERVICE_SID_PATTERN);

    private final StatusReports statusReports;

    StatusCallbackController(StatusReports statusReports) {
        this.statusReports = statusReports;
    }

    /** A text's status changed: recorded once per status (kept for later when no text has the SID yet); 200, empty. */
    @PostMapping(WebhookAddresses.STATUS_PATH)
    ResponseEntity<Void> statusCallback(@RequestAttribute(VerifiedWebhook.ATTRIBUTE) VerifiedWebhook webhook) {
        String sid = webhook.required("MessageSid", SID);
        String status = webhook.optional("MessageStatus", STATUS)
                .orElseGet(() -> webhook.required("SmsStatus", STATUS));
        String errorCode = webhook.optional("ErrorCode", ERROR_CODE).orElse(null);
        // Twilio adds it when the text went out through a Messaging Service
        String messagingServiceSid = webhook.optional("MessagingServiceSid", MESSAGING_SERVICE_SID).orElse(null);
        StatusReports.Outcome outcome = statusReports.recordStatusReport(sid, status, errorCode,
                RawDlrDoneDate.parse(webhook.text("RawDlrDoneDate")).orElse(null), messagingServiceSid);
        if (outcome == StatusReports.Outcome.KEPT_EARLY) {
            log.info("Status callback for a SID no text has yet, kept until one has it: {} ({})", sid, status);
        }
        return ResponseEntity.ok().build();
    }
}
