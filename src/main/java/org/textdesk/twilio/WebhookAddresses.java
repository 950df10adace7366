package org.textdesk.twilio;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where Twilio reaches TextDesk: TEXTDESK_PUBLIC_BASE_URL, or else the address of the current request
 * (forwarded headers honoured), plus the three webhook paths admins paste into the Twilio console.
 */
@Component
public class WebhookAddresses {

    public static final String SMS_PATH = "/twilio/sms";
    public static final String VOICE_PATH = "/twilio/voice";
    public static final String STATUS_PATH = "/twilio/status";

    /** The three addresses, each absolute. */
    public record Addresses(String sms, String voice, String status) {
    }

    private final TwilioProperties properties;

    WebhookAddresses(TwilioProperties properties) {
        this.properties = properties;
    }

    /** The public base address without a trailing slash. Needs a current request when none is configured. */
    String publicBaseUrl() {
        String configured = properties.publicBaseUrlWithoutSlash();
        if (!configured.isEmpty()) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
    }

    public Addresses addresses() {
        String base = publicBaseUrl();
        return new Addresses(base + SMS_PATH, base + VOICE_PATH, base + STATUS_PATH);
    }
}
