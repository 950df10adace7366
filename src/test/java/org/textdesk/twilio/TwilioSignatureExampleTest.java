package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textdesk.TwilioSignatures;

/**
 * Twilio's published signature example (Auth Token 12345, https://mycompany.com/myapp.php?foo=1&bar=2,
 * an incoming call's parameters) through TextDesk's check and through the tests' signer. Its caller's
 * number differs between publications, each with its own signature: twilio.com/docs/usage/security today
 * (+14158675310), the same page earlier (+12349013030), and twilio-java's RequestValidatorTest (+14158675309).
 */
class TwilioSignatureExampleTest {

    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    static Map<String, String> params(String caller) {
        Map<String, String> params = new HashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", caller);
        params.put("Digits", "1234");
        params.put("From", caller);
        params.put("To", "+18005551212");
        return params;
    }

    @ParameterizedTest
    @CsvSource({
            "+14158675310, GvWf1cFY/Q7PnoempGyD5oXAezc=",
            "+12349013030, 0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
            "+14158675309, RSOYDt4T1cUTdK1PDd93/VVr8B8="})
    void thePublishedExampleValidates(String caller, String published) {
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, URL, params(caller), published)).isTrue();
        assertThat(TwilioSignatures.sign(TOKEN, URL, params(caller))).isEqualTo(published);
    }

    @ParameterizedTest
    @CsvSource({
            "+14158675310, GvWf1cFY/Q7PnoempGyD5oXAezc=",
            "+12349013030, 0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
            "+14158675309, RSOYDt4T1cUTdK1PDd93/VVr8B8="})
    void oneChangedParameterAWrongTokenOrAnotherUrlFails(String caller, String published) {
        Map<String, String> changed = params(caller);
        changed.put("Digits", "1235");
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, URL, changed, published)).isFalse();
        Map<String, String> added = params(caller);
        added.put("Body", "");
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, URL, added, published)).isFalse();
        assertThat(TwilioWebhookFilter.signatureMatches("12346", URL, params(caller), published)).isFalse();
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, URL.replace("https:", "http:"), params(caller),
                published)).isFalse();
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, "https://mycompany.com/myapp.php", params(caller),
                published)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "+14158675310, GvWf1cFY/Q7PnoempGyD5oXAezc=",
            "+12349013030, 0/KCTR6DLpKmkAf8muzZqo1nDgQ="})
    void aDefaultPortInTheUrlStillValidates(String caller, String published) {
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                params(caller), published)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"+14158675310, GvWf1cFY/Q7PnoempGyD5oXAezc="})
    void todaysSignatureBelongsToTodaysCallerOnly(String caller, String published) {
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, URL, params("+12349013030"), published)).isFalse();
        assertThat(TwilioWebhookFilter.signatureMatches(TOKEN, URL, params(caller), published)).isTrue();
    }
}
