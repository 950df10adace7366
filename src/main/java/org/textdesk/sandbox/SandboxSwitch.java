package org.textdesk.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the built-in Twilio sandbox is on: {@code textdesk.sandbox.enabled} (TEXTDESK_SANDBOX) when it is
 * set, true or false; when it is not set, on exactly on the embedded default (H2), so a real PostgreSQL
 * database never gets it by accident. Decided once at start.
 */
@Component
public class SandboxSwitch {

    /** The rule, as a Spring expression, shared by this switch and {@link ConditionalOnSandbox}. */
    static final String ON = "'${textdesk.sandbox.enabled:}'.trim().equalsIgnoreCase('true')"
            + " or ('${textdesk.sandbox.enabled:}'.trim().isEmpty()"
            + " and '${spring.datasource.url:}'.startsWith('jdbc:h2:'))";

    private final boolean on;

    SandboxSwitch(@Value("#{" + ON + "}") boolean on) {
        this.on = on;
    }

    public boolean isOn() {
        return on;
    }
}
