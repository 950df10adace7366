package org.textdesk.texting;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One text as its page shows it: the message, who and what it concerns, and its status history. */
record MessageDetails(TextMessage message, Long clientId, String clientName, String toDisplay, String caseNumber,
        String sentByName, List<StatusEvent> history) {

    /** Failures where sending the same text again may work. */
    private static final Set<String> RETRYABLE_ERRORS = Set.of(TwilioErrorCodes.NETWORK, TwilioErrorCodes.HTTP_429,
            TwilioErrorCodes.NOT_FOUND, "20429", "HTTP-500", "HTTP-502", "HTTP-503", "HTTP-504");

    record StatusEvent(String status, String errorCode, Instant time) {
    }

    public String status() {
        return message.getStatus();
    }

    public String statusTone() {
        if (MessageStatus.isProblem(status()) || MessageStatus.UNKNOWN.equals(status())) {
            return "bad";
        }
        return switch (status()) {
            case "delivered", "read", "received" -> "ok";
            default -> "muted";
        };
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
        return MessageStatus.NOT_SENT.equals(status()) && message.getErrorCode() != null
                && (RETRYABLE_ERRORS.contains(message.getErrorCode()) || message.getErrorCode().startsWith("HTTP-5"));
    }
}
