package org.textdesk.twilio;

/**
 * Twilio Setup as sending and the webhooks use it. {@link #authToken()} is the decrypted Auth Token,
 * for calling Twilio and checking webhook signatures only: never put it in a model, a log or a
 * message. Empty values are null; {@link #twilioNumber()} is E.164 (+14044764365).
 * {@link #messagingServiceSid()} is the optional Messaging Service texts go out through (null: none).
 */
public record TwilioSetup(boolean enabled, String accountSid, String authToken, String statusCallbackUrl,
        String twilioNumber, String textResponse, String callResponse, String messagingServiceSid) {

    /** Twilio's Account SIDs: AC and 32 hexadecimal characters. */
    public static final String ACCOUNT_SID_PATTERN = "AC[0-9a-fA-F]{32}";
    /** Twilio's Messaging Service SIDs: MG and 32 hexadecimal characters (twilio_messaging_v1.json). */
    public static final String MESSAGING_SERVICE_SID_PATTERN = "MG[0-9a-fA-F]{32}";

    /** No Twilio Setup has been saved. */
    public static final TwilioSetup NONE = new TwilioSetup(false, null, null, null, null, null, null, null);

    /** Every field is filled in (whether or not it is enabled). */
    public boolean isComplete() {
        return present(accountSid) && present(authToken) && present(statusCallbackUrl) && present(twilioNumber)
                && present(textResponse) && present(callResponse);
    }

    /** A Messaging Service is set: texts go out with its SID (and the Twilio number as From). */
    public boolean usesMessagingService() {
        return present(messagingServiceSid);
    }

    /** Enabled and complete: texts may be sent. */
    public boolean canSend() {
        return enabled && isComplete();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "TwilioSetup[enabled=" + enabled + ", accountSid=" + accountSid + ", authToken="
                + (authToken == null ? "(none)" : "(hidden)") + ", statusCallbackUrl=" + statusCallbackUrl
                + ", twilioNumber=" + twilioNumber + ", messagingServiceSid=" + messagingServiceSid + "]";
    }
}
