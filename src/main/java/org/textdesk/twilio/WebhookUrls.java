package org.textdesk.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponents;

/**
 * The URL Twilio used for a webhook request, which its signature covers.
 *
 * <p>With TEXTDESK_PUBLIC_BASE_URL set, it is that address plus the request's path (within the
 * application) and raw query: forwarded headers are ignored then. Without it, it is the request's own
 * URL with the proxy's forwarded headers honoured ({@code Forwarded}, {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host}, {@code X-Forwarded-Port}). They reach this class only from a proxy named in
 * TEXTDESK_TRUSTED_PROXIES: the system module's filter applies them to the request for those and removes them
 * for everyone else (from anyone, they let a callback Twilio signed for another application's URL on the same
 * account through).
 */
@Component
class WebhookUrls {

    private static final List<String> FORWARDED_HEADERS = List.of("Forwarded", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Ssl");

    private final TwilioProperties properties;

    WebhookUrls(TwilioProperties properties) {
        this.properties = properties;
    }

    /**
     * The URL Twilio signed for this request.
     *
     * @throws IllegalArgumentException when the request's host or forwarded headers make no URL
     */
    String urlTwilioUsed(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String configured = properties.publicBaseUrlWithoutSlash();
        if (!configured.isEmpty()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return configured + path + query;
        }
        return origin(request) + request.getRequestURI() + query;
    }

    /** Whether the base address is configured (TEXTDESK_PUBLIC_BASE_URL), for the log. */
    boolean publicBaseUrlConfigured() {
        return !properties.publicBaseUrlWithoutSlash().isEmpty();
    }

    private static String origin(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        URI own = URI.create(request.getScheme() + "://" + host + portSuffix(request.getScheme(),
                request.getServerPort()) + "/");
        HttpHeaders forwarded = new HttpHeaders();
        for (String name : FORWARDED_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                forwarded.add(name, value);
            }
        }
        UriComponents adapted = ForwardedHeaderUtils.adaptFromForwardedHeaders(own, forwarded).build();
        if (adapted.getScheme() == null || adapted.getHost() == null || adapted.getHost().isEmpty()) {
            throw new IllegalArgumentException("no scheme or host");
        }
        String scheme = adapted.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + adapted.getHost() + portSuffix(scheme, adapted.getPort());
    }

    private static String portSuffix(String scheme, int port) {
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(scheme) && port == 80)
                || ("https".equalsIgnoreCase(scheme) && port == 443);
        return defaultPort ? "" : ":" + port;
    }
}
