package org.textdesk.logcheck;

import java.util.List;

/**
 * Passwords tests use without sending them through a request (which registers them by itself), besides
 * IntegrationTest.STAFF_PASSWORD, which IntegrationTest registers: none may ever be logged.
 */
final class TestPasswords {

    static final List<String> OTHERS = List.of("not the password", "a long enough password", "brand new passphrase",
            "textdesk-admin", "textdesk-casey", "first admin password");

    private TestPasswords() {
    }
}
