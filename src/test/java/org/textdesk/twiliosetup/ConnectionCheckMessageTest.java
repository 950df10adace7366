package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.textdesk.twilio.ConnectionCheck.Outcome;
import org.textdesk.twilio.ConnectionCheck;
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
}
