package org.textdesk.twilio;

/**
 * Twilio could not be asked about a message (network failure, or an error answer other than "not
 * found"): nothing can be concluded, try again later. The message never contains credentials.
 */
public class TwilioLookupException extends RuntimeException {

    TwilioLookupException(String message) {
        super(message);
    }
}
