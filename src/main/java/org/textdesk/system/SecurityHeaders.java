package org.textdesk.system;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries. Spring Security writes them for everything that passes
 * its filter chain; answers given before it (Twilio webhook refusals) set them with {@link #applyTo}.
 */
public final class SecurityHeaders {

    /** No inline scripts or styles anywhere: every script and stylesheet is a file under /js or /css. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";
    public static final String REFERRER_POLICY = "same-origin";

    private SecurityHeaders() {
    }

    public static void applyTo(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
    }
}
