package org.textdesk.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * While the sandbox is on, Twilio Setup starts enabled against it: the sandbox's account, a random Auth Token
 * (kept from one start to the next), its Twilio # and TextDesk's own Status Callback. An account an admin saved
 * is left alone: texts then go to the sandbox too (the real Twilio is never called), which refuses them until
 * the admin clears the Account SID or enters the sandbox's.
 */
@Component
@ConditionalOnSandbox
class SandboxTwilioSetup {

    private static final Logger log = LoggerFactory.getLogger(SandboxTwilioSetup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwilioSetupService setupService;
    private final WebhookTargets webhookTargets;

    SandboxTwilioSetup(TwilioSetupService setupService, WebhookTargets webhookTargets) {
        this.setupService = setupService;
        this.webhookTargets = webhookTargets;
    }

    /** After the demo data (the embedded default's setup is saved by an ApplicationRunner before this). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void onReady() {
        apply();
    }

    /** Points Twilio Setup at the sandbox unless it holds another account; returns whether it now does. */
    boolean apply() {
        TwilioSetup current = setupService.currentSetup();
        boolean otherAccount = current.accountSid() != null && !current.accountSid().isBlank()
                && !SandboxAccount.ACCOUNT_SID.equals(current.accountSid());
        if (otherAccount) {
            log.warn("The Twilio sandbox is on, but Twilio Setup holds another account: texts go to the sandbox, "
                    + "which refuses that account's credentials");
            return false;
        }
        String statusCallback = webhookTargets.statusCallbackUrl();
        boolean tokenKept = SandboxAccount.ACCOUNT_SID.equals(current.accountSid()) && current.authToken() != null;
        if (tokenKept && current.enabled() && statusCallback.equals(current.statusCallbackUrl())
                && SandboxAccount.TWILIO_NUMBER.equals(current.twilioNumber())) {
            return true;
        }
        try {
            setupService.saveAsTextDesk(SandboxAccount.ACCOUNT_SID, tokenKept ? null : newAuthToken(), statusCallback,
                    SandboxAccount.TWILIO_NUMBER);
            log.info("Twilio Setup points at the built-in sandbox (account {})", SandboxAccount.ACCOUNT_SID);
        } catch (IllegalStateException savedElsewhere) {
            log.info("Twilio Setup was saved meanwhile (another instance?): {}", savedElsewhere.getMessage());
        }
        return true;
    }

    private static String newAuthToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
