package org.textdesk.twilio;

/**
 * Twilio Setup as sending and the webhooks use it. {@link #authToken()} is the decrypted Auth Token,
 * for calling Twilio and checking webhook signatures only: never put it in a model, a log or a
 * message. Empty values are null; {@link #twilioNumber()} is E.164 (+14044764365).
 */
public record TwilioSetup(boolean enabled, String accountSid, String authToken, String statusCallbackUrl,
        String twilioNumber, String textResponse, String callResponse) {

    /** Twilio's Account SIDs: AC and 32 hexadecimal characters. */
    public static final String ACCOUNT_SID_PATTERN = "AC[0-9a-fA-F]{32}";

    /** No Twilio Setup has been saved. */
    public static final TwilioSetup NONE = new TwilioSetup(false, null, null, null, null, null, null);

    /** Every field is filled in (whether or not it is enabled). */
    public boolean isComplete() {
        return present(accountSid) && present(authToken) && present(statusCallbackUrl) && present(twilioNumber)
                && present(textResponse) && present(callResponse);
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
                + ", twilioNumber=" + twilioNumber + "]";
    }
}
