package org.textdesk.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.textdesk.inbox.IncomingText;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.PhoneNumbers;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TwilioErrorCodes;

/**
 * One text as its page shows it: the message, who and what it concerns, and its status history.
 *
 * @param toDisplay the number it went to (or, for an incoming text, our number it came to)
 * @param linkedClients the clients whose timelines show it (for an incoming text: everyone with the
 *     number, or whoever staff attached it to)
 */
record MessageDetails(TextMessage message, Long clientId, String clientName, String toDisplay, String caseNumber,
        String sentByName, List<StatusEvent> history, List<IncomingText.LinkedClient> linkedClients) {

    /** Failures where sending the same text again may work, besides every HTTP 5xx answer. */
    private static final Set<String> RETRYABLE_ERRORS = Set.of(TwilioErrorCodes.NETWORK, TwilioErrorCodes.HTTP_429,
            TwilioErrorCodes.NOT_FOUND, "20429",
            // Twilio's own codes for its 5xx answers (Internal Server Error, Service Unavailable): not sent, retry.
            "20500", "20503");

    /**
     * One status report: {@code time} is the phone company's time when Twilio gave one, else when it arrived;
     * {@code receivedAt} is when it arrived at TextDesk.
     */
    record StatusEvent(String status, String errorCode, Instant time, Instant receivedAt) {

        /**
         * Twilio's order, not the order reports arrived in (they race): by rank (accepted, scheduled and queued in
         * that order, sending, sent, then the endings, then read), then by time.
         */
        static final Comparator<StatusEvent> TWILIO_ORDER = Comparator
                .comparingInt((StatusEvent event) -> MessageStatus.rank(event.status()))
                .thenComparingInt(event -> MessageStatus.stepWithinRank(event.status()))
                .thenComparing(StatusEvent::time, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    public String status() {
        return message.getStatus();
    }

    public String statusTone() {
        return MessageStatus.tone(status());
    }

    public boolean incoming() {
        return message.getDirection() == TextMessage.Direction.INBOUND;
    }

    public String fromDisplay() {
        return PhoneNumbers.display(message.getFromNumber());
    }

    /** No further status can come: the page stops asking for one. */
    public boolean isFinal() {
        return MessageStatus.isFinal(status());
    }

    /** Every error code reported for the text, once each: the current one first, then in the history's order. */
    public List<String> errorCodes() {
        Set<String> codes = new LinkedHashSet<>();
        if (message.getErrorCode() != null) {
            codes.add(message.getErrorCode());
        }
        history.stream().map(StatusEvent::errorCode).filter(Objects::nonNull).forEach(codes::add);
        return List.copyOf(codes);
    }

    /** Changes whenever anything the status part of the page shows changes. */
    public String statusVersion() {
        return status() + "|" + history.size() + "|" + (message.getErrorCode() == null ? "" : message.getErrorCode());
    }

    /** A text to a client that did not get through: Send Text can open with the same message. */
    public boolean resendable() {
        return !incoming() && clientId != null && MessageStatus.isProblem(status());
    }

    /** A text on its way, whose status staff may ask Twilio for now rather than wait for its report. */
    public boolean refreshable() {
        return !incoming() && !isFinal();
    }

    /** What happened to the text, in one or two words: the label of its time ("Not sent", "Sent", "Received"). */
    public String happenedKey() {
        if (incoming()) {
            return "texts.happened.received";
        }
        return MessageStatus.NOT_SENT.equals(status()) ? "texts.happened.notSent" : "texts.happened.sent";
    }

    /** The message key of the words for the outcome of a send, shown right after it. */
    public String outcomeKey() {
        if (MessageStatus.NOT_SENT.equals(status())) {
            return "texting.outcome.notSent";
        }
        if (MessageStatus.UNKNOWN.equals(status())) {
            return "texting.outcome.unknown";
        }
        return "texting.outcome.accepted";
    }

    public Object[] outcomeArguments() {
        return new Object[] {status()};
    }

    public String outcomeKind() {
        return switch (outcomeKey()) {
            case "texting.outcome.notSent" -> "error";
            case "texting.outcome.unknown" -> "warning";
            default -> "success";
        };
    }

    public boolean retryable() {
        return MessageStatus.NOT_SENT.equals(status()) && !message.bodyRemoved() && message.getErrorCode() != null
                && (RETRYABLE_ERRORS.contains(message.getErrorCode()) || message.getErrorCode().startsWith("HTTP-5"));
    }
}
