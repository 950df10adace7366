package org.textdesk.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** TEXTDESK_ADMIN_USERNAME and TEXTDESK_ADMIN_PASSWORD: the first admin, created when no staff exist. */
@ConfigurationProperties("textdesk.admin")
record AdminAccountProperties(String username, String password) {

    boolean isGiven() {
        return username != null && !username.isBlank() && password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminAccountProperties[username=" + username + "]";
    }
}
