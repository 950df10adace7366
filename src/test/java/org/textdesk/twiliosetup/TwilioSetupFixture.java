package org.textdesk.twiliosetup;

import org.textdesk.FakeTwilio;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twilio.WebhookAddresses;

/**
 * A complete, enabled Twilio Setup in one call, whose credentials {@link FakeTwilio} accepts; for the
 * tests of sending and webhooks. Use it through {@code IntegrationTest.configureTwilio()}.
 */
public final class TwilioSetupFixture {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "9e1c0a7b3d5f42a8b6c4e2f0a1b3c5d7";
    /** The seed's Twilio #, stored E.164; shown as {@link #TWILIO_NUMBER_READABLE}. */
    public static final String TWILIO_NUMBER = "+14044764365";
    public static final String TWILIO_NUMBER_READABLE = "404-476-4365";
    public static final String TEXT_RESPONSE = TwilioDemoSetup.TEXT_RESPONSE;
    public static final String CALL_RESPONSE = TwilioDemoSetup.CALL_RESPONSE;

    private TwilioSetupFixture() {
    }

    /**
     * Saves an enabled setup with the constants above and Status Callback
     * {@code <appBaseUrl>/twilio/status}, replacing any saved one, and lets FakeTwilio accept its
     * credentials. Returns the setup as {@link TwilioSetupService#currentSetup()} now gives it.
     */
    public static TwilioSetup configure(TwilioSetupService setupService, FakeTwilio fakeTwilio, String appBaseUrl) {
        fakeTwilio.acceptCredentials(ACCOUNT_SID, AUTH_TOKEN);
        setupService.saveSetup(new TwilioSetupChange(true, ACCOUNT_SID, AUTH_TOKEN,
                appBaseUrl + WebhookAddresses.STATUS_PATH, TWILIO_NUMBER, TEXT_RESPONSE, CALL_RESPONSE),
                setupService.savedVersion(), null);
        return setupService.currentSetup();
    }

    /**
     * Saves an enabled setup with the constants above but these Text and Call Responses, keeping the stored
     * Auth Token.
     */
    public static void saveResponses(TwilioSetupService setupService, String appBaseUrl, String textResponse,
            String callResponse) {
        setupService.saveSetup(new TwilioSetupChange(true, ACCOUNT_SID, "", appBaseUrl + WebhookAddresses.STATUS_PATH,
                TWILIO_NUMBER, textResponse, callResponse), setupService.savedVersion(), null);
    }

    /** A Messaging Service SID of the fixture's account, as the tests' FakeTwilio serves it. */
    public static final String MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef";

    /**
     * Saves the current setup again with this Messaging Service (empty: none), keeping everything else and the
     * stored Auth Token. Returns the setup as {@link TwilioSetupService#currentSetup()} now gives it.
     */
    public static TwilioSetup useMessagingService(TwilioSetupService setupService, String messagingServiceSid) {
        TwilioSetup current = setupService.currentSetup();
        setupService.saveSetup(new TwilioSetupChange(current.enabled(), current.accountSid(), "",
                current.statusCallbackUrl(), current.twilioNumber(), current.textResponse(), current.callResponse(),
                messagingServiceSid), setupService.savedVersion(), null);
        return setupService.currentSetup();
    }
}
