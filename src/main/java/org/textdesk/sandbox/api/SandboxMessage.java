package org.textdesk.sandbox.api;

import java.time.Instant;

/**
 * One message as the sandbox keeps it, like Twilio's message resource: one TextDesk created (direction
 * {@code outbound-api}) or one a simulated phone sent ({@code inbound}), with at most one picture.
 */
public record SandboxMessage(String sid, String accountSid, String direction, String to, String from, String body,
        String status, int statusStep, Integer errorCode, int numSegments, String statusCallback,
        String messagingServiceSid, String mediaSid, String mediaContentType, String mediaName, Instant dateCreated,
        Instant dateUpdated, Instant dateSent) {

    static final String OUTBOUND = "outbound-api";
    public static final String INBOUND = "inbound";
    /** Twilio's answers to a phone's text (a TwiML Message), which Twilio itself sends. */
    public static final String OUTBOUND_REPLY = "outbound-reply";

    boolean hasMedia() {
        return mediaSid != null;
    }

    /** Whether the client's phone has it: it sent it, or it was delivered to it. */
    public boolean onThePhone() {
        return INBOUND.equals(direction) || "delivered".equals(status);
    }

    public boolean sentByThePhone() {
        return INBOUND.equals(direction);
    }

    @Override
    public String toString() {
        return "SandboxMessage[" + sid + ", " + direction + ", " + status + "]";
    }
}
