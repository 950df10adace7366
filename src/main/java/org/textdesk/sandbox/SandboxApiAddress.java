package org.textdesk.sandbox;

import org.springframework.stereotype.Component;
import org.textdesk.twilio.TwilioApiAddress;

/**
 * While the sandbox is on, TextDesk's calls to Twilio go to the sandbox's REST API on its own address, through
 * the same rewriting of api.twilio.com as TEXTDESK_TWILIO_API_BASE_URL: the real Twilio is never called.
 */
@Component
@ConditionalOnSandbox
class SandboxApiAddress implements TwilioApiAddress {

    private final LocalAddress localAddress;

    SandboxApiAddress(LocalAddress localAddress) {
        this.localAddress = localAddress;
    }

    @Override
    public String apiBaseUrl() {
        return localAddress.baseUrl() + SandboxAccount.API_PATH;
    }
}
