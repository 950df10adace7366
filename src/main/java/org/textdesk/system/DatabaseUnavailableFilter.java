package org.textdesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * When the database cannot be reached, people see the friendly "Temporarily unavailable" page with
 * status 503 and Retry-After instead of a 500, Twilio gets an empty 503 (so its retry settings apply), and once
 * it is back everything works again (the connection pool reconnects by itself). It sits outside every other
 * filter, because the HTTP session is read from the database before any controller runs; and it renders the
 * page without touching the database.
 *
 * <p>Once {@link DatabaseAvailability} knows the database is down, requests are answered here at once, without
 * waiting for the connection pool: except the login page (rendered without a session or CSRF token, both of
 * which live in the database, saying that logging in must wait), /actuator/health (which says DOWN) and the
 * static files the pages need.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "30";

    private final ITemplateEngine templates;
    private final DatabaseAvailability availability;

    DatabaseUnavailableFilter(ITemplateEngine templates, DatabaseAvailability availability) {
        this.templates = templates;
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.isDown() && !needsNoDatabase(path(request))) {
            answerUnavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException thrown) {
            Optional<Throwable> unreachable = DatabaseFailures.unreachable(thrown);
            if (unreachable.isEmpty() || response.isCommitted()) {
                throw thrown;
            }
            availability.unreachable(unreachable.get());
            answerUnavailable(request, response);
        }
    }

    private static boolean needsNoDatabase(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.equals("/favicon.ico") || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Keeps the security headers already set (Content-Security-Policy and the others); replaces the body. */
    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        SecurityHeaders.applyTo(response);
        String path = path(request);
        if (path.startsWith("/twilio/")) {
            response.setContentLength(0);
            response.flushBuffer();
            return;
        }
        boolean loginPage = "GET".equals(request.getMethod()) && path.equals("/login");
        response.setContentType("text/html;charset=UTF-8");
        WebContext page = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), request.getLocale(),
                Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value(), "databaseUnavailable", true));
        templates.process(loginPage ? "staff/login" : "error", page, response.getWriter());
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
