package org.textdesk.caseload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.textdesk.client.ClientAccess;
import org.textdesk.staff.StaffPrincipal;

/**
 * Asks {@link ClientAccess} before every route that names a client's record in its path, whichever module maps it:
 * {clientId}, {caseId} (the case's client), {scheduledId} (the scheduled text's client), {appointmentId} (the
 * appointment's client), {messageId} (the text's clients) and {mediaId} (the picture's text). A route added later with one of these names is checked the moment it
 * exists; the lists (search results, inboxes, scheduled texts, live events) ask for the person's scope themselves.
 * Refused: 403, before the handler runs, so nothing is read or written.
 */
@Configuration(proxyBeanMethods = false)
class ClientRouteGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final ClientAccess access;
    private final JdbcTemplate jdbc;

    ClientRouteGuard(ClientAccess access, JdbcTemplate jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal viewer)) {
            return true; // Twilio's webhooks, the login page: no staff member, no client of theirs
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty() || access.scopeOf(viewer).everyClient()) {
            return true; // nothing to look up for a person who may see every client (or while caseloads are open)
        }
        id(variables, "clientId").ifPresent(clientId -> access.require(viewer, clientId));
        id(variables, "caseId").flatMap(caseId -> first("select client_id from cases where id = ?", caseId))
                .ifPresent(clientId -> access.require(viewer, clientId));
        id(variables, "scheduledId").flatMap(id -> first("select client_id from scheduled_texts where id = ?", id))
                .ifPresent(clientId -> access.require(viewer, clientId));
        id(variables, "appointmentId").flatMap(id -> first("select client_id from appointments where id = ?", id))
                .ifPresent(clientId -> access.require(viewer, clientId));
        id(variables, "messageId").ifPresent(messageId -> access.requireText(viewer, messageId));
        id(variables, "mediaId").flatMap(id -> first("select text_message_id from text_media where id = ?", id))
                .ifPresent(messageId -> access.requireText(viewer, messageId));
        return true;
    }

    /** The variable as an id; absent when missing or not a number (the route answers 400 or 404 itself). */
    private static java.util.Optional<Long> id(Map<String, String> variables, String name) {
        String value = variables.get(name);
        return value != null && value.matches("[0-9]{1,18}") ? java.util.Optional.of(Long.valueOf(value))
                : java.util.Optional.empty();
    }

    private java.util.Optional<Long> first(String sql, long id) {
        List<Long> found = jdbc.query(sql, (row, n) -> (Long) row.getObject(1, Long.class), id);
        return found.stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
