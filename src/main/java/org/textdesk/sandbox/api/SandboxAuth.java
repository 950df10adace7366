package org.textdesk.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.textdesk.sandbox.SandboxAccount;
import org.textdesk.sandbox.SandboxSwitch;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * The sandbox's REST API authenticates as Twilio's does: HTTP Basic with the Account SID and its Auth Token,
 * for the account in the path. The sandbox's Auth Token is the one in Twilio Setup while that holds the
 * sandbox's account. Answers 404 to everything while the sandbox is off.
 */
@Component
class SandboxAuth {

    private final SandboxSwitch sandboxSwitch;
    private final TwilioSetupService setupService;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    SandboxAuth(SandboxSwitch sandboxSwitch, TwilioSetupService setupService) {
        this.sandboxSwitch = sandboxSwitch;
        this.setupService = setupService;
    }

    /**
     * Returns the account's Auth Token when the request is the account's.
     *
     * @throws SandboxApiException 404 while the sandbox is off, 401 (20003) without the account's credentials
     */
    String authenticate(HttpServletRequest request, String accountSid) {
        requireOn(request);
        UsernamePasswordAuthenticationToken credentials;
        try {
            credentials = basic.convert(request);
        } catch (BadCredentialsException unreadable) {
            throw SandboxApiException.authenticate();
        }
        TwilioSetup setup = setupService.currentSetup();
        if (credentials == null || setup.authToken() == null || !SandboxAccount.ACCOUNT_SID.equals(setup.accountSid())
                || !SandboxAccount.ACCOUNT_SID.equals(credentials.getName())
                || !same(setup.authToken(), String.valueOf(credentials.getCredentials()))) {
            throw SandboxApiException.authenticate();
        }
        if (!SandboxAccount.ACCOUNT_SID.equals(accountSid)) {
            throw SandboxApiException.notFound(request.getRequestURI());
        }
        return setup.authToken();
    }

    void requireOn(HttpServletRequest request) {
        if (!sandboxSwitch.isOn()) {
            throw SandboxApiException.notFound(request.getRequestURI());
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
