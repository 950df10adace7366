package org.textdesk.twilio;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A webhook request whose X-Twilio-Signature was checked by {@link TwilioWebhookFilter}: its form body
 * parameters (the signed ones, never the query string's) and the responses of the Twilio Setup whose
 * Auth Token verified it. The filter puts it in the request; the controller reads nothing else.
 */
public record VerifiedWebhook(Map<String, String> params, String textResponse, String callResponse) {

    public static final String ATTRIBUTE = "org.textdesk.twilio.VerifiedWebhook";

    /** A required parameter is missing, empty or not in the shape Twilio sends: 400. */
    static final class BadParameterException extends RuntimeException {

        BadParameterException(String name, String problem) {
            super("parameter " + name + " " + problem);
        }
    }

    public VerifiedWebhook {
        params = Map.copyOf(params);
    }

    /** The parameter, stripped; thrown as a bad request when absent, blank or not matching {@code shape}. */
    public String required(String name, Pattern shape) {
        return optional(name, shape).orElseThrow(() -> new BadParameterException(name, "is missing"));
    }

    /** The parameter, stripped, or empty when absent or blank; a bad request when it has another shape. */
    public Optional<String> optional(String name, Pattern shape) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (!shape.matcher(stripped).matches()) {
            throw new BadParameterException(name, "is not in Twilio's format");
        }
        return Optional.of(stripped);
    }

    /** The parameter exactly as sent (a message body keeps its spaces), or the empty string. */
    public String text(String name) {
        String value = params.get(name);
        return value == null ? "" : value;
    }

    /** Never the parameters' values: they hold phone numbers and message bodies. */
    @Override
    public String toString() {
        return "VerifiedWebhook" + params.keySet();
    }
}
