package org.textdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * When the database cannot be reached, people see the friendly "Temporarily unavailable" page with
 * status 503 instead of a 500, and once it is back everything works again (the connection pool
 * reconnects by itself). It sits outside every other filter, because the HTTP session is read from the
 * database before any controller runs; and it renders the page without touching the database.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ITemplateEngine templates;

    DatabaseUnavailableFilter(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException thrown) {
            Optional<Throwable> unreachable = DatabaseFailures.unreachable(thrown);
            if (unreachable.isEmpty() || response.isCommitted()) {
                throw thrown;
            }
            log.warn("The database cannot be reached: {} {} answered 503 ({})", request.getMethod(),
                    request.getRequestURI(), DatabaseFailures.describe(unreachable.get()));
            answerUnavailable(request, response);
        }
    }

    /** Keeps the security headers already set (Content-Security-Policy and the others); replaces the body. */
    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        WebContext page = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), request.getLocale(),
                Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value()));
        templates.process("error", page, response.getWriter());
        response.flushBuffer();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
