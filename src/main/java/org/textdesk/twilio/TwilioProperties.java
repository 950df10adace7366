package org.textdesk.twilio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * TEXTDESK_PUBLIC_BASE_URL, TEXTDESK_TWILIO_API_BASE_URL and TEXTDESK_ENCRYPTION_KEY. The key is
 * checked by Twilio Setup's EncryptionKey, never by bean validation, whose failure report would print it.
 */
@Validated
@ConfigurationProperties("textdesk.twilio")
public record TwilioProperties(
        @Pattern(regexp = "(https?://[^\\s/?#]+(/[^\\s?#]*)?)?",
                message = "must be empty or the absolute http(s) address Twilio reaches TextDesk at, "
                        + "such as https://texts.example.org (TEXTDESK_PUBLIC_BASE_URL)")
        String publicBaseUrl,
        @NotBlank(message = "must be set, normally to https://api.twilio.com (TEXTDESK_TWILIO_API_BASE_URL)")
        @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
                message = "must be an absolute http(s) address such as https://api.twilio.com "
                        + "(TEXTDESK_TWILIO_API_BASE_URL)")
        String apiBaseUrl,
        String encryptionKey) {

    /** TEXTDESK_PUBLIC_BASE_URL without a trailing slash, or empty when it is not set. */
    String publicBaseUrlWithoutSlash() {
        return publicBaseUrl == null ? "" : stripTrailingSlash(publicBaseUrl.strip());
    }

    String apiBaseUrlWithoutSlash() {
        return stripTrailingSlash(apiBaseUrl.strip());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        boolean keyGiven = encryptionKey != null && !encryptionKey.isBlank();
        return "TwilioProperties[publicBaseUrl=" + publicBaseUrl + ", apiBaseUrl=" + apiBaseUrl
                + ", encryptionKey=" + (keyGiven ? "(set)" : "(not set)") + "]";
    }
}
