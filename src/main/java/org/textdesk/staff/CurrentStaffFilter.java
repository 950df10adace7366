package org.textdesk.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the logged-in staff member's account at every request (one lookup by primary key), because the
 * session keeps the principal of the login: a role changed since then applies from this request on, and a
 * disabled or deleted account's session is ended here even if it escaped {@link StaffService}'s logout (a
 * request in flight on another instance, say). Runs in Spring Security's chain before the anonymous filter, so
 * a session ended here continues as a visitor who is not logged in (and is sent to the login page).
 */
final class CurrentStaffFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentStaffFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Account(String username, String displayName, Role role, boolean enabled) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            Optional<Account> account = jdbc.sql(
                            "select username, display_name, role, enabled from staff where id = :id")
                    .param("id", principal.id())
                    .query((row, n) -> new Account(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)),
                            row.getBoolean(4)))
                    .optional();
            if (account.isEmpty() || !account.get().enabled()) {
                endSession(request);
            } else if (changed(principal, account.get())) {
                useForThisRequest(new StaffPrincipal(principal.id(), account.get().username(),
                        account.get().displayName(), account.get().role(), true, ""));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean changed(StaffPrincipal principal, Account account) {
        return principal.role() != account.role() || !principal.getUsername().equals(account.username())
                || !principal.displayName().equals(account.displayName());
    }

    private void endSession(HttpServletRequest request) {
        contexts.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Not saved in the session: the next request reads the account again anyway. */
    private void useForThisRequest(StaffPrincipal current) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
                current.getAuthorities()));
        contexts.setContext(context);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.equals("/favicon.ico");
    }
}
