package org.textdesk.twiliosetup;

import org.textdesk.twilio.WebhookAddresses;

/**
 * What the Twilio Setup page shows about the saved setup: never the Auth Token, only whether one is
 * set and its last four characters.
 */
record TwilioSetupPage(boolean enabled, String accountSid, String statusCallback, String twilioNumber,
        String textResponse, String callResponse, Long version, TokenState tokenState, String tokenEnding,
        String lastChangedBy, String lastChangedAt, WebhookAddresses.Addresses webhooks) {

    enum TokenState {
        NOT_SET,
        SET,
        UNREADABLE
    }
}
