package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    @Test
    void thePublicBaseUrlWinsOverTheRequestAndLosesItsTrailingSlash() {
        WebhookAddresses addresses = new WebhookAddresses(
                new TwilioProperties("https://texts.example.org/", "https://api.twilio.com", ""));
        assertThat(addresses.addresses()).isEqualTo(new WebhookAddresses.Addresses(
                "https://texts.example.org/twilio/sms", "https://texts.example.org/twilio/voice",
                "https://texts.example.org/twilio/status"));
    }

    @Test
    void thePropertiesNeverPrintTheEncryptionKey() {
        String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        assertThat(new TwilioProperties("", "https://api.twilio.com", key).toString())
                .doesNotContain(key).contains("encryptionKey=(set)");
    }
}
