package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.textdesk.twilio.ConnectionCheck.Outcome;
import org.textdesk.twilio.ConnectionCheck;
import org.textdesk.twilio.MessagingServiceCheck;
import org.textdesk.twilio.NetworkFailure;

class ConnectionCheckMessageTest {

    static final String API = "https://api.twilio.com";

    final ResourceBundleMessageSource messages = messages();

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    String say(ConnectionCheck check) {
        ConnectionCheckMessage message = ConnectionCheckMessage.of(check, API);
        return messages.getMessage(message.messageKey(), message.arguments(), Locale.US);
    }

    @Test
    void everyOutcomeIsSaidInPlainWords() {
        assertThat(say(ConnectionCheck.ok("Kemp's Case Works")))
                .isEqualTo("Connection works: Twilio accepted the Account SID and Auth Token of the account "
                        + "“Kemp's Case Works”.");
        assertThat(say(new ConnectionCheck(Outcome.BAD_CREDENTIALS, null, null, 401, 20003)))
                .startsWith("Twilio refused this Account SID and Auth Token (Twilio error 20003).");
        assertThat(say(new ConnectionCheck(Outcome.UNREACHABLE, null, NetworkFailure.REFUSED, null, null)))
                .isEqualTo("TextDesk could not reach Twilio at https://api.twilio.com: the connection was refused. "
                        + "Check the server's internet connection and TEXTDESK_TWILIO_API_BASE_URL.");
        assertThat(say(new ConnectionCheck(Outcome.UNREACHABLE, null, NetworkFailure.TIMED_OUT, null, null)))
                .contains("there was no answer within a few seconds");
        assertThat(say(new ConnectionCheck(Outcome.UNREACHABLE, null, NetworkFailure.UNKNOWN_HOST, null, null)))
                .contains("that address could not be found");
        assertThat(say(new ConnectionCheck(Outcome.UNREACHABLE, null, NetworkFailure.OTHER, null, null)))
                .contains("the connection failed without an answer");
        assertThat(say(new ConnectionCheck(Outcome.OTHER_ERROR, null, null, 404, 20404)))
                .startsWith("Twilio answered with an error: HTTP status 404, Twilio error 20404.");
        assertThat(say(new ConnectionCheck(Outcome.OTHER_ERROR, null, null, null, null)))
                .contains("answered, but not the way Twilio does");
        assertThat(List.of(ConnectionCheckMessage.of(ConnectionCheck.ok("x"), API).ok(),
                ConnectionCheckMessage.of(new ConnectionCheck(Outcome.OTHER_ERROR, null, null, 500, null), API).ok()))
                .containsExactly(true, false);
    }

    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String PARENT = "AC99999999999999999999999999999999";
    static final String NUMBER = " 404-476-4365 ";

    String say(MessagingServiceCheck check) {
        ConnectionCheckMessage message = ConnectionCheckMessage.of(check, SERVICE, ACCOUNT, API, NUMBER);
        return messages.getMessage(message.messageKey(), message.arguments(), Locale.US);
    }

    static MessagingServiceCheck service(MessagingServiceCheck.Outcome outcome, String name, String owner,
            NetworkFailure network, Integer status, Integer code) {
        return new MessagingServiceCheck(outcome, name, owner, network, status, code, null);
    }

    @Test
    void aServiceFoundSaysWhetherTheTwilioNumberIsOneOfItsSenders() {
        MessagingServiceCheck found = service(MessagingServiceCheck.Outcome.FOUND, "Caseworkers' texts", null, null,
                null, null);
        assertThat(say(found.withNumberInSenderPool(true))).isEqualTo("Messaging Service “Caseworkers' texts” found "
                + "(MG0123456789abcdef0123456789abcdef): texts will go out through it, and the Twilio number "
                + "404-476-4365 is one of its senders.");
        assertThat(say(found.withNumberInSenderPool(false))).isEqualTo("Messaging Service “Caseworkers' texts” found "
                + "(MG0123456789abcdef0123456789abcdef), but the Twilio number 404-476-4365 is not one of its senders: "
                + "TextDesk sends through the service from the Twilio number, and Twilio refuses a From that is not "
                + "in the service's Sender Pool. Add 404-476-4365 to the "
                + "service's Sender Pool in the Twilio console (Messaging > Services > Caseworkers' texts > Sender "
                + "Pool), or type one of its numbers here.");
        assertThat(List.of(ConnectionCheckMessage.of(found.withNumberInSenderPool(true), SERVICE, ACCOUNT, API, NUMBER)
                .ok(), ConnectionCheckMessage.of(found.withNumberInSenderPool(false), SERVICE, ACCOUNT, API, NUMBER)
                .ok())).containsExactly(true, false);
    }

    @Test
    void everyMessagingServiceOutcomeIsSaidInPlainWords() {
        assertThat(say(service(MessagingServiceCheck.Outcome.FOUND, "Caseworkers' texts", null, null, null, null)))
                .isEqualTo("Messaging Service “Caseworkers' texts” found (MG0123456789abcdef0123456789abcdef): texts "
                        + "will go out through it.");
        assertThat(say(service(MessagingServiceCheck.Outcome.NOT_FOUND, null, null, null, 404, 20404)))
                .isEqualTo("Twilio has no Messaging Service MG0123456789abcdef0123456789abcdef in account "
                        + "AC0123456789abcdef0123456789abcdef. Check the SID in the Twilio console (Messaging > "
                        + "Services): Twilio answers the same for a service that belongs to another account or "
                        + "subaccount.");
        assertThat(say(service(MessagingServiceCheck.Outcome.OTHER_ACCOUNT, null, PARENT, null, null, null)))
                .isEqualTo("The Messaging Service MG0123456789abcdef0123456789abcdef belongs to account "
                        + "AC99999999999999999999999999999999, not to account AC0123456789abcdef0123456789abcdef: texts "
                        + "cannot go out through it. Use a service of account AC0123456789abcdef0123456789abcdef, or "
                        + "that account's SID and Auth Token.");
        assertThat(say(service(MessagingServiceCheck.Outcome.OTHER_ACCOUNT, null, null, null, 403, 20403)))
                .isEqualTo("Twilio does not let account AC0123456789abcdef0123456789abcdef use the Messaging Service "
                        + "MG0123456789abcdef0123456789abcdef: it is not in this account. Use a service of account "
                        + "AC0123456789abcdef0123456789abcdef.");
        assertThat(say(service(MessagingServiceCheck.Outcome.BAD_CREDENTIALS, null, null, null, 401, 20003)))
                .startsWith("Twilio refused the Account SID and Auth Token when asked for the Messaging Service "
                        + "MG0123456789abcdef0123456789abcdef (Twilio error 20003).");
        assertThat(say(service(MessagingServiceCheck.Outcome.BAD_CREDENTIALS, null, null, null, 401, null)))
                .contains("(Twilio error 20003)");
        assertThat(say(service(MessagingServiceCheck.Outcome.UNREACHABLE, null, null, NetworkFailure.REFUSED, null,
                null))).isEqualTo("The Messaging Service MG0123456789abcdef0123456789abcdef could not be checked: "
                        + "TextDesk could not reach Twilio at https://api.twilio.com (the connection was refused). "
                        + "Check the server's internet connection and TEXTDESK_TWILIO_API_BASE_URL.");
        assertThat(say(service(MessagingServiceCheck.Outcome.UNREACHABLE, null, null, NetworkFailure.TIMED_OUT, null,
                null))).contains("did not answer within a few seconds");
        assertThat(say(service(MessagingServiceCheck.Outcome.UNREACHABLE, null, null, NetworkFailure.UNKNOWN_HOST,
                null, null))).contains("could not find Twilio's address https://api.twilio.com");
        assertThat(say(service(MessagingServiceCheck.Outcome.UNREACHABLE, null, null, NetworkFailure.OTHER, null,
                null))).contains("failed without an answer");
        assertThat(say(service(MessagingServiceCheck.Outcome.OTHER_ERROR, null, null, null, 500, 20500)))
                .isEqualTo("Twilio answered with an error when asked for the Messaging Service "
                        + "MG0123456789abcdef0123456789abcdef: HTTP status 500, Twilio error 20500. Look the error up "
                        + "at twilio.com/docs/errors.");
        assertThat(say(service(MessagingServiceCheck.Outcome.OTHER_ERROR, null, null, null, 500, null)))
                .contains("HTTP status 500, Twilio error -.");
        assertThat(say(service(MessagingServiceCheck.Outcome.OTHER_ERROR, null, null, null, null, null)))
                .contains("answered, but not the way Twilio does");
        assertThat(List.of(
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.FOUND, "x", null, null, null, null),
                        SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.NOT_FOUND, null, null, null, 404, null),
                        SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.OTHER_ACCOUNT, null, PARENT, null, null,
                        null), SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.OTHER_ACCOUNT, null, null, null, 403,
                        null), SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.BAD_CREDENTIALS, null, null, null, 401,
                        null), SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.UNREACHABLE, null, null,
                        NetworkFailure.OTHER, null, null), SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.OTHER_ERROR, null, null, null, 500,
                        null), SERVICE, ACCOUNT, API, NUMBER).ok(),
                ConnectionCheckMessage.of(service(MessagingServiceCheck.Outcome.OTHER_ERROR, null, null, null, null,
                        null), SERVICE, ACCOUNT, API, NUMBER).ok()))
                .containsExactly(true, false, false, false, false, false, false, false);
    }
}
