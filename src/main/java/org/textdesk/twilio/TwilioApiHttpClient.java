package org.textdesk.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client, adapted for TextDesk:
 * <ul>
 * <li>requests to {@code https://api.twilio.com} (and any other {@code *.twilio.com} host) go to
 * TEXTDESK_TWILIO_API_BASE_URL instead, keeping method, path, auth, parameters and headers (twilio-java
 * has no base-URL option);</li>
 * <li>connect and read timeouts of a few seconds instead of the SDK's 30;</li>
 * <li>exactly one attempt per call: neither the SDK (which retries every 5xx, POST included) nor
 * Apache HttpClient retries, so creating a message can never send it twice.</li>
 * </ul>
 */
class TwilioApiHttpClient extends NetworkHttpClient implements AutoCloseable {

    static final String TWILIO_API = "https://api.twilio.com";

    private final Supplier<String> apiBaseUrl;

    TwilioApiHttpClient(String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        this(() -> apiBaseUrl, connectTimeout, readTimeout);
    }

    /** With an address known only once the application runs (the built-in sandbox on its own port). */
    TwilioApiHttpClient(Supplier<String> apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        super(httpClientBuilder(connectTimeout, readTimeout));
        this.apiBaseUrl = apiBaseUrl;
    }

    private static HttpClientBuilder httpClientBuilder(Duration connectTimeout, Duration readTimeout) {
        Timeout connect = Timeout.of(connectTimeout);
        Timeout read = Timeout.of(readTimeout);
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setConnectTimeout(connect)
                .setResponseTimeout(read)
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        // Sends wait on Twilio without a database connection; 20 caseworkers sending while Twilio
                        // answers in 2 s kept all of 20 connections busy and the next send queued for one.
                        .setMaxConnPerRoute(100)
                        .setMaxConnTotal(100)
                        .build())
                // NetworkHttpClient puts the SDK's own RequestConfig (30.5 s to connect) on every request;
                // this first link of the execution chain replaces it before a connection is made.
                .addExecInterceptorFirst("textdesk-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(timeouts);
                    return chain.proceed(request, scope);
                });
    }

    /** One attempt only: no SDK retry of 5xx answers (they would send a text twice). */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return withReadableError(super.makeRequest(redirected(request)));
    }

    /**
     * An error answer whose body is not Twilio's JSON (a proxy's HTML page, say) would lose its HTTP
     * status inside the SDK; give it Twilio's error shape so the status reaches the caller.
     */
    static Response withReadableError(Response response) {
        if (response == null || response.getStatusCode() < 400) {
            return response;
        }
        // Reading the content uses up the answer's stream: always hand the SDK a fresh answer.
        String content = response.getContent();
        int status = response.getStatusCode();
        if (content != null && content.stripLeading().startsWith("{")) {
            return new Response(content, status, response.getHeaders());
        }
        return new Response("{\"status\": " + status + ", \"message\": \"HTTP " + status + " without a Twilio error\"}",
                status, response.getHeaders());
    }

    /** The same request aimed at TEXTDESK_TWILIO_API_BASE_URL, or the request itself when that is Twilio. */
    Request redirected(Request original) {
        String configured = apiBaseUrl.get();
        String apiBaseUrl = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        if (TWILIO_API.equals(apiBaseUrl)) {
            return original;
        }
        URI target = URI.create(original.getUrl());
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("twilio.com") && !host.endsWith(".twilio.com")) {
            return original;
        }
        String url = apiBaseUrl + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        Request copy = new Request(original.getMethod(), url);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        if (!original.getFormParameters().isEmpty()) {
            copy.setFormParameters(original.getFormParameters());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    private static void copyParams(Map<String, List<String>> params, BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
