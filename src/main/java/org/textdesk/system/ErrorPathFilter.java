package org.textdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /error is where the server forwards a failed request to render its error page; asked for directly, no error
 * happened, and Spring Boot's error controller answered 500 with {"status":999}. It is a page that does not
 * exist: 404, rendered as every other 404.
 */
final class ErrorPathFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        SecurityHeaders.applyTo(response); // answered before Spring Security, which would set them
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
