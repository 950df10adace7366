package org.textdesk.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the sandbox sends Twilio's webhooks, and the URL each is signed over. Twilio signs the URL it posts
 * to, which is the one admins paste into its console: TEXTDESK_PUBLIC_BASE_URL plus the path when that is set,
 * else the application's own address. The sandbox runs inside the application, so it posts to the application's
 * own address in either case (a public address may not be reachable from inside), signed over that URL.
 */
@Component
public class WebhookTargets {

    static final String SMS_PATH = "/twilio/sms";
    static final String VOICE_PATH = "/twilio/voice";
    static final String STATUS_PATH = "/twilio/status";

    /** A webhook: the URL it is posted to, and the URL its signature covers. */
    record Target(String postTo, String signedUrl) {
    }

    private final LocalAddress localAddress;
    private final String publicBaseUrl;

    WebhookTargets(LocalAddress localAddress, @Value("${textdesk.twilio.public-base-url:}") String publicBaseUrl) {
        this.localAddress = localAddress;
        String configured = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        this.publicBaseUrl = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The Status Callback the sandbox's Twilio Setup asks for. */
    public String statusCallbackUrl() {
        return signedBase() + STATUS_PATH;
    }

    public Target sms() {
        return ofPath(SMS_PATH);
    }

    public Target voice() {
        return ofPath(VOICE_PATH);
    }

    /** The StatusCallback given when a text was created: posted to as given, unless it is this application's. */
    public Target statusCallback(String statusCallback) {
        if (!publicBaseUrl.isEmpty() && statusCallback.startsWith(publicBaseUrl + "/")) {
            return new Target(localAddress.baseUrl() + statusCallback.substring(publicBaseUrl.length()), statusCallback);
        }
        return new Target(statusCallback, statusCallback);
    }

    private Target ofPath(String path) {
        return new Target(localAddress.baseUrl() + path, signedBase() + path);
    }

    private String signedBase() {
        return publicBaseUrl.isEmpty() ? localAddress.baseUrl() : publicBaseUrl;
    }
}
