package org.textdesk.staff;

public enum Role {
    ADMIN,
    /** Sees every client and their texts, as an admin does, but changes no admin setting (no /admin page). */
    SUPERVISOR,
    CASEWORKER;

    String authority() {
        return "ROLE_" + name();
    }
}
