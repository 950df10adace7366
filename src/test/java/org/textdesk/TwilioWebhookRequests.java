package org.textdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Posts webhooks as Twilio does: a form body, signed with {@link TwilioSignatures} over the URL and the
 * body parameters, through MockMvc (whose URL is {@code http://localhost<path>}) or over real HTTP.
 */
public final class TwilioWebhookRequests {

    /** What MockMvc requests look like to the application: http, host localhost, port 80. */
    public static final String MOCK_MVC_BASE = "http://localhost";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TwilioWebhookRequests() {
    }

    /** A signed form post through MockMvc with the Auth Token of {@link TwilioSetupFixture}. */
    public static MvcTestResult post(MockMvcTester mvc, String path, Map<String, String> params) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form(params))
                .header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, MOCK_MVC_BASE + path,
                        params))
                .exchange();
    }

    /** A form post over real HTTP to {@code baseUrl + path}, signed over {@code signedUrl} (or unsigned when null). */
    public static HttpResponse<String> postHttp(String baseUrl, String path, Map<String, String> params,
            String signedUrl, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (signedUrl != null) {
            request.header("X-Twilio-Signature", TwilioSignatures.sign(TwilioSetupFixture.AUTH_TOKEN, signedUrl, params));
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed form post over real HTTP, as Twilio reaches the application directly. */
    public static HttpResponse<String> postHttp(String baseUrl, String path, Map<String, String> params) {
        return postHttp(baseUrl, path, params, baseUrl + path, Map.of());
    }

    /** The body of a form post (UTF-8, as Twilio sends it). */
    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(param -> URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A status callback's parameters as Twilio sends them. */
    public static Map<String, String> statusCallback(String messageSid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioSetupFixture.ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", TwilioSetupFixture.TWILIO_NUMBER);
        params.put("MessageSid", messageSid);
        params.put("MessageStatus", status);
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", status);
        params.put("To", "+14045387319");
        return params;
    }

    /** An incoming text's parameters as Twilio sends them. */
    public static Map<String, String> incomingText(String messageSid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioSetupFixture.ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("Body", body);
        params.put("From", from);
        params.put("FromCountry", "US");
        params.put("MessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("SmsMessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", "received");
        params.put("To", TwilioSetupFixture.TWILIO_NUMBER);
        return params;
    }

    /** An incoming call's parameters as Twilio sends them. */
    public static Map<String, String> incomingCall(String callSid, String from) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioSetupFixture.ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", "ringing");
        params.put("Caller", from);
        params.put("Direction", "inbound");
        params.put("From", from);
        params.put("To", TwilioSetupFixture.TWILIO_NUMBER);
        return params;
    }
}
