package org.textdesk.twiliosetup;

import org.textdesk.twilio.WebhookAddresses;

/**
 * What the Twilio Setup page shows about the saved setup: never the Auth Token, only whether one is
 * set and its last four characters.
 */
record TwilioSetupPage(boolean enabled, String accountSid, String statusCallback, String twilioNumber,
        String messagingServiceSid, String textResponse, String callResponse, Long version, TokenState tokenState, String tokenEnding,
        String lastChangedBy, String lastChangedAt, WebhookAddresses.Addresses webhooks) {

    /**
     * A saved Status Callback that is not the status address Twilio reaches TextDesk at: texts sent from now
     * on ask Twilio to report there, so the page says so in words.
     */
    public boolean statusCallbackDiffers() {
        return version != null && statusCallback != null && !statusCallback.isBlank()
                && !statusCallback.equals(webhooks.status());
    }

    enum TokenState {
        NOT_SET,
        SET,
        UNREADABLE
    }
}
