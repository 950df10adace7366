package org.textdesk.twilio;

import java.util.Optional;

/**
 * The Status Callback URL a text was sent with, found by its Message SID: Twilio signs that text's status
 * callbacks over exactly that URL, so the webhook check accepts it besides the public address, even after
 * TEXTDESK_PUBLIC_BASE_URL or the Status Callback in Twilio Setup changed. Implemented where texts are stored.
 */
public interface SentStatusCallbacks {

    /** Empty when no text has the SID or it was stored without one. */
    Optional<String> statusCallbackUrl(String messageSid);
}
