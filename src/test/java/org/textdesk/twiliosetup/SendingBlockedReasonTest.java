package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.textdesk.IntegrationTest;
import org.textdesk.twilio.TwilioSetup;

/** What Send Text tells caseworkers before they type anything, and when texting may go ahead. */
class SendingBlockedReasonTest extends IntegrationTest {

    TwilioSetupChange change(boolean enabled, String authToken, String twilioNumber) {
        return new TwilioSetupChange(enabled, TwilioSetupFixture.ACCOUNT_SID, authToken,
                "https://texts.example.org/twilio/status", twilioNumber, TwilioSetupFixture.TEXT_RESPONSE,
                TwilioSetupFixture.CALL_RESPONSE);
    }

    @Test
    void withNoSetupTextingIsNotSetUp() {
        assertThat(twilioSetupService.sendingBlockedReason()).contains("twilio.blocked.notSetUp");
        assertThat(twilioSetupService.currentSetup()).isEqualTo(TwilioSetup.NONE);
        assertThat(twilioSetupService.currentSetup().canSend()).isFalse();
    }

    @Test
    void anIncompleteSetupIsIncompleteAndACompleteDisabledOneIsDisabled() {
        twilioSetupService.saveSetup(change(false, "", ""), null, null);
        assertThat(twilioSetupService.sendingBlockedReason()).contains("twilio.blocked.incomplete");

        twilioSetupService.saveSetup(change(false, TwilioSetupFixture.AUTH_TOKEN, "404-476-4365"), 0L, null);
        assertThat(twilioSetupService.sendingBlockedReason()).contains("twilio.blocked.disabled");
        assertThat(twilioSetupService.currentSetup().isComplete()).isTrue();
        assertThat(twilioSetupService.currentSetup().canSend()).isFalse();
    }

    @Test
    void aCompleteEnabledSetupLetsTextsGo() {
        TwilioSetup setup = configureTwilio();
        assertThat(twilioSetupService.sendingBlockedReason()).isEmpty();
        assertThat(setup.canSend()).isTrue();
        assertThat(setup.authToken()).isEqualTo(TwilioSetupFixture.AUTH_TOKEN);
        assertThat(setup.twilioNumber()).isEqualTo(TwilioSetupFixture.TWILIO_NUMBER);
        assertThat(setup.statusCallbackUrl()).isEqualTo(baseUrl() + "/twilio/status");
        assertThat(setup.toString()).doesNotContain(TwilioSetupFixture.AUTH_TOKEN);
    }

    @Test
    void aTokenThatCannotBeDecryptedAnyMoreBlocksTextingWithItsOwnReason() {
        configureTwilio();
        jdbc.update("update twilio_settings set auth_token_encrypted = 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'");
        assertThat(twilioSetupService.sendingBlockedReason()).contains("twilio.blocked.tokenUnreadable");
        assertThat(twilioSetupService.currentSetup().authToken()).isNull();
        assertThat(twilioSetupService.currentSetup().canSend()).isFalse();
    }

    @Test
    void theFixtureCanBeAppliedTwiceAndFakeTwilioAcceptsItsCredentials() {
        configureTwilio();
        configureTwilio();
        assertThat(fakeTwilio.requests()).isEmpty();
        assertThat(twilioSetupService.testConnection(TwilioSetupFixture.ACCOUNT_SID, "", "", "").account().isOk()).isTrue();
    }
}
