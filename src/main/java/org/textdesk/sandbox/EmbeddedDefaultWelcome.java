package org.textdesk.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/**
 * Once the embedded default is ready, one block in the log for a newcomer: where the app is, the demo logins
 * (their passwords are public: the README gives them, and they exist only on the embedded default), and
 * whether the sandbox is on. Nothing else secret.
 */
@Component
@ConditionalOnEmbeddedDefault
class EmbeddedDefaultWelcome {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaultWelcome.class);

    private final LocalAddress localAddress;
    private final SandboxSwitch sandboxSwitch;
    private final String dataDir;

    EmbeddedDefaultWelcome(LocalAddress localAddress, SandboxSwitch sandboxSwitch,
            @Value("${textdesk.data-dir:./data}") String dataDir) {
        this.localAddress = localAddress;
        this.sandboxSwitch = sandboxSwitch;
        this.dataDir = dataDir;
    }

    /** After the sandbox has set up Twilio Setup, so the block is the last word of the start. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void onReady() {
        log.info(welcome(localAddress.baseUrl(), dataDir, sandboxSwitch.isOn()));
    }

    static String welcome(String address, String dataDir, boolean sandboxOn) {
        String line = "-".repeat(78);
        return "\n" + line
                + "\n  TextDesk is ready at " + address + "/ (embedded default: H2 database in " + dataDir + ")"
                + "\n  Demo logins:  caseworker  casey / textdesk-casey"
                + "\n                admin       admin / textdesk-admin"
                + (sandboxOn
                        ? "\n  Twilio sandbox is ON: texts go to the simulated phone, not to real phones."
                                + "\n  Open a client and press \"Client's phone\" to answer as the client (src/docs/sandbox.md)."
                        : "\n  Twilio sandbox is off (TEXTDESK_SANDBOX=false): Twilio Setup decides where texts go.")
                + "\n" + line;
    }
}
