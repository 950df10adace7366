package org.textdesk.logcheck;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the application in tests (after the UTF-8 character encoding filter, before everything
 * else): registers the values of {@link LogLeaks#SECRET_PARAMETERS} of every request as secrets, before
 * the application can log them. Twilio's webhooks read their raw form body themselves (to check its
 * signature), so for those the body is read here, registered, and served again unchanged.
 */
class RequestSecretsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith("/twilio/")) {
            byte[] body = request.getInputStream().readAllBytes();
            registerFormBody(new String(body, StandardCharsets.ISO_8859_1));
            chain.doFilter(new BodyAgain(request, body), response);
            return;
        }
        for (String name : LogLeaks.SECRET_PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                for (String value : values) {
                    LogLeaks.secret("the request parameter " + name, value);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void registerFormBody(String body) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                if (LogLeaks.SECRET_PARAMETERS.contains(name)) {
                    LogLeaks.secret("the webhook parameter " + name,
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException notAFormBody) {
                // The application refuses such a body; nothing it could log comes from here.
            }
        }
    }

    /** The request with its body readable once more. */
    private static final class BodyAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
