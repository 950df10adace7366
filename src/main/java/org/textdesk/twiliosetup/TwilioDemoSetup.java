package org.textdesk.twiliosetup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/**
 * The embedded default's Twilio Setup: the seed's Text Response and Call Response, not enabled and
 * without an account, so the demo never calls Twilio until an admin enters real details. The built-in sandbox,
 * on by default here, then points it at itself (sandbox.SandboxTwilioSetup).
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(30)
class TwilioDemoSetup implements ApplicationRunner {

    static final String TEXT_RESPONSE = "Sorry. We don't respond to texts. Please call our office at (417) 555-0151.";
    static final String CALL_RESPONSE = "Thank you for calling. This number does not accept incoming calls.";

    private final TwilioSettingsRepository repository;
    private final TwilioSetupService setupService;

    TwilioDemoSetup(TwilioSettingsRepository repository, TwilioSetupService setupService) {
        this.repository = repository;
        this.setupService = setupService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.findTheSettings().isPresent()) {
            return;
        }
        setupService.saveSetup(new TwilioSetupChange(false, "", "", "", "", TEXT_RESPONSE, CALL_RESPONSE), null, null);
    }
}
