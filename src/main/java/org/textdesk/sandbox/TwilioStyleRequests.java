package org.textdesk.sandbox;

import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts a webhook as Twilio does: a form body, {@code X-Twilio-Signature} made with the account's Auth Token
 * over the URL and the sorted parameters, Twilio's user agent, and Twilio's 15-second timeout.
 */
@Component
public class TwilioStyleRequests {

    static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(15);

    /** An answer: the HTTP status and the body (TwiML for /twilio/sms and /twilio/voice). */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Posts {@code params} to the target, signed.
     *
     * @throws IOException when nothing answers in time
     */
    public Answer post(WebhookTargets.Target target, Map<String, String> params, String authToken) throws IOException {
        String body = params.entrySet().stream()
                .map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.postTo()))
                .timeout(TWILIO_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .header("I-Twilio-Idempotency-Token", java.util.UUID.randomUUID().toString())
                .header("X-Twilio-Signature", signature(authToken, target.signedUrl(), params))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    /**
     * Twilio's signature: Base64(HMAC-SHA1(Auth Token, URL + each parameter's name and value, sorted by name)).
     * twilio-java only checks signatures; each one made here is checked with its {@link RequestValidator}, so
     * the sandbox signs exactly what the SDK accepts.
     */
    static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (!new RequestValidator(authToken).validate(url, params, signature)) {
            throw new IllegalStateException("a webhook signature twilio-java does not accept");
        }
        return signature;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
