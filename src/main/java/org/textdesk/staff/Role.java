package org.textdesk.staff;

public enum Role {
    ADMIN,
    CASEWORKER;

    String authority() {
        return "ROLE_" + name();
    }
}
