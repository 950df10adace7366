package org.textdesk.twilio;

/**
 * A Twilio-compatible API whose address is known only once the application runs, used instead of
 * TEXTDESK_TWILIO_API_BASE_URL when a bean of this type exists: the built-in sandbox, served by TextDesk
 * itself on a port chosen at start. Everything else about calling Twilio stays the same.
 */
public interface TwilioApiAddress {

    /** The base address, such as {@code http://localhost:8080/sandbox/twilio}, without a trailing slash. */
    String apiBaseUrl();
}
