package org.textdesk.staff;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in staff member as the rest of the application sees them: other features take it with
 * {@code @AuthenticationPrincipal} to record who did what.
 */
public final class StaffPrincipal implements UserDetails {

    /** Kept in HTTP sessions in the database: change it only with a change that old sessions cannot be read with. */
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final transient String passwordHash;

    StaffPrincipal(Staff staff) {
        this(staff.getId(), staff.getUsername(), staff.getDisplayName(), staff.getRole(), staff.isEnabled(),
                staff.getPasswordHash());
    }

    StaffPrincipal(long id, String username, String displayName, Role role, boolean enabled, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    /** For tests and tools that act as a known staff member without a password. */
    public static StaffPrincipal of(Staff staff) {
        return new StaffPrincipal(staff.getId(), staff.getUsername(), staff.getDisplayName(), staff.getRole(),
                staff.isEnabled(), "");
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Admins and supervisors see every client, whether caseloads are restricted or not. */
    public boolean seesEveryClient() {
        return role == Role.ADMIN || role == Role.SUPERVISOR;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + "]";
    }
}
