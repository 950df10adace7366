package org.textdesk.logcheck;

import java.util.List;

/**
 * Passwords tests use without sending them through a request (which registers them by itself), besides
 * IntegrationTest.STAFF_PASSWORD, which IntegrationTest registers: none may ever be logged.
 */
final class TestPasswords {

    // The embedded default's demo passwords (textdesk-admin, textdesk-casey) are not here: they are public (the
    // README gives them), and the embedded default's welcome block logs them for a newcomer.
    static final List<String> OTHERS = List.of("not the password", "a long enough password", "brand new passphrase",
            "first admin password");

    private TestPasswords() {
    }
}
