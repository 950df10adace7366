package org.textdesk.logcheck;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the application in tests (after the UTF-8 character encoding filter, before everything
 * else): registers the values of {@link LogLeaks#SECRET_PARAMETERS} of every request as secrets, before
 * the application can log them.
 */
class RequestSecretsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
}
