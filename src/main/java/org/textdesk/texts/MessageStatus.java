package org.textdesk.texts;

import java.util.Locale;

/**
 * The status of a text, as Twilio reports it, plus the states TextDesk knows before Twilio has answered.
 * Callbacks arrive out of order and repeat, so the current status only ever moves up the ranks
 * (DESIGN.md "Twilio webhooks"); every report is still kept in the history.
 */
public final class MessageStatus {

    /** Written before Twilio is called; replaced as soon as Twilio answers. */
    public static final String PENDING = "pending";
    /** Twilio refused the request or could not be reached: the text was not sent. */
    public static final String NOT_SENT = "not_sent";
    /** The request may have reached Twilio but its answer was lost: check before sending again. */
    public static final String UNKNOWN = "unknown";
    /** An incoming text, as Twilio reports it to the webhook. */
    public static final String RECEIVED = "received";

    private static final int RANK_OF_UNRECOGNISED = 0;

    private MessageStatus() {
    }

    /** Twilio's status words as stored: trimmed and lower case; blank becomes empty. */
    public static String normalise(String status) {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The rank of a status. Unrecognised statuses rank with the initial ones, so they are recorded in
     * the history without ever pulling the current status back.
     */
    public static int rank(String status) {
        return switch (normalise(status)) {
            case PENDING -> -2;
            case UNKNOWN -> -1;
            case "accepted", "scheduled", "queued" -> 0;
            case "sending" -> 1;
            case "sent" -> 2;
            case "delivered", "undelivered", "failed", "canceled", NOT_SENT, RECEIVED -> 3;
            case "read" -> 4;
            default -> RANK_OF_UNRECOGNISED;
        };
    }

    /**
     * Twilio's order among the initial statuses of one rank: accepted (a Messaging Service took the text), then
     * scheduled, then queued. A "queued" callback can arrive before Twilio's "accepted" answer to the send is
     * recorded, so the time a report arrived cannot tell. Every other status is step 0: its rank and time order it.
     */
    public static int stepWithinRank(String status) {
        return switch (normalise(status)) {
            case "scheduled" -> 1;
            case "queued" -> 2;
            default -> 0;
        };
    }

    /** True when no further status can be expected, so pages stop refreshing it. */
    public static boolean isFinal(String status) {
        return rank(status) >= 3;
    }

    /** True for the endings a caseworker must notice: the text did not reach the client. */
    public static boolean isProblem(String status) {
        return switch (normalise(status)) {
            case "undelivered", "failed", "canceled", NOT_SENT -> true;
            default -> false;
        };
    }

    /**
     * How a status looks on screen besides its words: "ok" when the text reached the phone (or came
     * from it), "bad" when it did not or nobody knows, "muted" while it is on its way. Colour is never
     * the only signal: every status is also shown in words.
     */
    public static String tone(String status) {
        String normalised = normalise(status);
        if (isProblem(normalised) || UNKNOWN.equals(normalised)) {
            return "bad";
        }
        return switch (normalised) {
            case "delivered", "read", RECEIVED -> "ok";
            default -> "muted";
        };
    }
}
