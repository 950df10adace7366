package org.textdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers ({@code Forwarded}, {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}, {@code -For} ...)
 * are honoured only when the request comes from a proxy named in TEXTDESK_TRUSTED_PROXIES (addresses or CIDR
 * ranges, comma-separated; loopback by default); from anyone else they are removed before anything reads them.
 * They decide the URL a Twilio signature is checked over and whether the session cookie is Secure: honoured from
 * anyone, a callback signed for another application on the same Twilio account was accepted with a made-up
 * X-Forwarded-Host.
 */
final class TrustedProxiesFilter extends OncePerRequestFilter {

    /** Digits, hex, dots and colons, with an optional prefix length: never a host name (no DNS lookup). */
    private static final Pattern ADDRESS_OR_RANGE = Pattern.compile("[0-9A-Fa-f.:]+(/\\d{1,3})?");

    private final List<IpAddressMatcher> trusted;
    private final ForwardedHeaderFilter honoured = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter removed = new ForwardedHeaderFilter();

    TrustedProxiesFilter(String trustedProxies) {
        this.trusted = parse(trustedProxies);
        removed.setRemoveOnly(true);
    }

    static List<IpAddressMatcher> parse(String trustedProxies) {
        return Arrays.stream(trustedProxies.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> {
                    if (!ADDRESS_OR_RANGE.matcher(entry).matches()) {
                        throw new IllegalArgumentException("TEXTDESK_TRUSTED_PROXIES: \"" + entry
                                + "\" is not an IP address or CIDR range such as 10.0.0.0/8 or 192.0.2.7");
                    }
                    return new IpAddressMatcher(entry);
                })
                .toList();
    }

    boolean isTrusted(String remoteAddress) {
        return remoteAddress != null && trusted.stream().anyMatch(range -> range.matches(remoteAddress));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        (isTrusted(request.getRemoteAddr()) ? honoured : removed).doFilter(request, response, chain);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
