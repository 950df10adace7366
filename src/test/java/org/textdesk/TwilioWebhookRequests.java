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

    /**
     * A status callback's parameters, every one Twilio sends for an SMS to a client from our number (Twilio's
     * order); a mutable map, for tests to add ErrorCode, RawDlrDoneDate or MessagingServiceSid.
     */
    public static Map<String, String> statusCallback(String messageSid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", status);
        params.put("MessageStatus", status);
        params.put("To", "+14045387319");
        params.put("MessageSid", messageSid);
        params.put("AccountSid", TwilioSetupFixture.ACCOUNT_SID);
        params.put("From", TwilioSetupFixture.TWILIO_NUMBER);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /**
     * A status callback with the parameters Twilio adds when they apply: ErrorCode (undelivered, failed),
     * RawDlrDoneDate (the phone company's delivery receipt, YYMMDDhhmm) and MessagingServiceSid (sent through a
     * Messaging Service); null leaves one out.
     */
    public static Map<String, String> statusCallback(String messageSid, String status, String errorCode,
            String rawDlrDoneDate, String messagingServiceSid) {
        Map<String, String> params = statusCallback(messageSid, status);
        putIfPresent(params, "ErrorCode", errorCode);
        putIfPresent(params, "RawDlrDoneDate", rawDlrDoneDate);
        putIfPresent(params, "MessagingServiceSid", messagingServiceSid);
        return params;
    }

    /** An incoming text's parameters, every one Twilio sends for an SMS to our Atlanta number (Twilio's order). */
    public static Map<String, String> incomingText(String messageSid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("ToState", "GA");
        params.put("SmsMessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("ToCity", "ATLANTA");
        params.put("FromZip", "30303");
        params.put("SmsSid", messageSid);
        params.put("FromState", "GA");
        params.put("SmsStatus", "received");
        params.put("FromCity", "ATLANTA");
        params.put("Body", body);
        params.put("FromCountry", "US");
        params.put("To", TwilioSetupFixture.TWILIO_NUMBER);
        params.put("ToZip", "30303");
        params.put("NumSegments", body.length() <= 160 ? "1" : String.valueOf((body.length() + 152) / 153));
        params.put("MessageSid", messageSid);
        params.put("AccountSid", TwilioSetupFixture.ACCOUNT_SID);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /**
     * An incoming text with the parameters Twilio adds when they apply: OptOutType (STOP, START, HELP keywords
     * under Advanced Opt-Out) and MessagingServiceSid (our number is in a Messaging Service); null leaves one out.
     */
    public static Map<String, String> incomingText(String messageSid, String from, String body, String optOutType,
            String messagingServiceSid) {
        Map<String, String> params = incomingText(messageSid, from, body);
        putIfPresent(params, "OptOutType", optOutType);
        putIfPresent(params, "MessagingServiceSid", messagingServiceSid);
        return params;
    }

    /** An incoming call's parameters, every one Twilio sends for a call to our Atlanta number. */
    public static Map<String, String> incomingCall(String callSid, String from) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Called", TwilioSetupFixture.TWILIO_NUMBER);
        params.put("ToState", "GA");
        params.put("CallerCountry", "US");
        params.put("Direction", "inbound");
        params.put("CallerState", "GA");
        params.put("ToZip", "30303");
        params.put("CallSid", callSid);
        params.put("To", TwilioSetupFixture.TWILIO_NUMBER);
        params.put("CallerZip", "30303");
        params.put("ToCountry", "US");
        params.put("StirVerstat", "TN-Validation-Passed-C");
        params.put("CallToken", "%7B%22parentCallInfoToken%22%3A%22eyJhbGciOiJFUzI1NiJ9%22%7D");
        params.put("CalledZip", "30303");
        params.put("ApiVersion", "2010-04-01");
        params.put("CalledCity", "ATLANTA");
        params.put("CallStatus", "ringing");
        params.put("From", from);
        params.put("AccountSid", TwilioSetupFixture.ACCOUNT_SID);
        params.put("CalledCountry", "US");
        params.put("CallerCity", "ATLANTA");
        params.put("ToCity", "ATLANTA");
        params.put("FromCountry", "US");
        params.put("Caller", from);
        params.put("FromCity", "ATLANTA");
        params.put("CalledState", "GA");
        params.put("FromZip", "30303");
        params.put("FromState", "GA");
        return params;
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
