package org.textdesk.sandbox.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.sandbox.SandboxAccount;

/**
 * The rules of the sandbox's Messages resource: what Twilio checks on a create call, what each destination
 * number does (see {@link Destination}), and the status callbacks that follow.
 */
@Service
public class SandboxApi {

    public static final int BODY_MAX = 1600;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final SandboxMessages messages;
    private final StatusCallbacks statusCallbacks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration neverAnswersFor;

    SandboxApi(SandboxMessages messages, StatusCallbacks statusCallbacks, TransactionTemplate transaction, Clock clock,
            @Value("${textdesk.sandbox.never-answers-for:15s}") Duration neverAnswersFor) {
        this.messages = messages;
        this.statusCallbacks = statusCallbacks;
        this.transaction = transaction;
        this.clock = clock;
        this.neverAnswersFor = neverAnswersFor;
    }

    /** A create call's form parameters (Twilio's names), already authenticated for the sandbox's account. */
    record Create(String to, String from, String messagingServiceSid, String body, String statusCallback,
            boolean withMedia) {
    }

    /**
     * Creates a message as Twilio would: stored as queued with its status callbacks scheduled, or refused.
     *
     * @throws SandboxApiException with Twilio's status, code and message when refused
     */
    SandboxMessage create(Create create) {
        String to = blankToNull(create.to());
        if (to == null) {
            throw new SandboxApiException(400, 21604, "A 'To' phone number is required.");
        }
        if (!E164.matcher(to).matches()) {
            throw new SandboxApiException(400, 21211, "Invalid 'To' Phone Number: " + mask(to));
        }
        String from = blankToNull(create.from());
        String service = blankToNull(create.messagingServiceSid());
        if (from == null && service == null) {
            throw new SandboxApiException(400, 21603, "A 'From' phone number is required.");
        }
        if (from != null && !SandboxAccount.TWILIO_NUMBER.equals(from)) {
            throw new SandboxApiException(400, 21606, "The From phone number is not a valid, SMS-capable inbound "
                    + "phone number or short code for your account.");
        }
        if (service != null && !SandboxAccount.MESSAGING_SERVICE_SID.equals(service)) {
            throw new SandboxApiException(400, 21701, "The Messaging Service Sid " + service + " is invalid.");
        }
        String body = create.body() == null ? "" : create.body();
        if (body.isEmpty() && !create.withMedia()) {
            throw new SandboxApiException(400, 21602, "Message body is required.");
        }
        if (body.length() > BODY_MAX) {
            throw new SandboxApiException(400, 21617,
                    "The concatenated message body exceeds the 1600 character limit.");
        }
        Destination destination = Destination.of(to);
        if (destination == Destination.STOPPED) {
            throw new SandboxApiException(400, 21610, "Attempt to send to unsubscribed recipient");
        }
        if (destination == Destination.LANDLINE) {
            throw new SandboxApiException(400, 21614, "'To' number is not a valid mobile number");
        }
        if (destination == Destination.NEVER_ANSWERS) {
            neverAnswer();
        }
        Instant now = clock.instant();
        SandboxMessage message = new SandboxMessage(newSid("SM"), SandboxAccount.ACCOUNT_SID, SandboxMessage.OUTBOUND,
                to, from == null ? SandboxAccount.TWILIO_NUMBER : from, body, service == null ? "queued" : "accepted",
                0, null, segments(body), blankToNull(create.statusCallback()), service, null, null, null, now, now, null);
        transaction.executeWithoutResult(status -> {
            messages.add(message);
            statusCallbacks.scheduleAll(message, destination, now);
        });
        return message;
    }

    /** Holds the create call far longer than TextDesk waits for an answer, then gives up like a dead gateway. */
    private void neverAnswer() {
        try {
            Thread.sleep(neverAnswersFor.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        throw new SandboxApiException(504, 20500, "Gateway timeout");
    }

    /** SMS segments as Twilio counts them: 160 characters in one, 153 each when split (GSM-7 assumed). */
    public static int segments(String body) {
        return body.length() <= 160 ? 1 : (body.length() + 152) / 153;
    }

    /** A Twilio SID: two letters and 32 hexadecimal characters. */
    public static String newSid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static String mask(String number) {
        return number.length() <= 4 ? "****" : "…" + number.substring(number.length() - 2);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
