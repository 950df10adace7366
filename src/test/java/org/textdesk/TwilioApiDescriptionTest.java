package org.textdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FakeTwilio's check of requests against Twilio's API description finds what Twilio's validating mock refuses. */
class TwilioApiDescriptionTest {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":token")
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void aMessageCreatedAsTwilioDescribesItPasses() {
        assertThat(violations("POST", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", null,
                "To=%2B14045387319&From=%2B14044764365&Body=Hello&StatusCallback=https%3A%2F%2Ftexts.example.org%2Ftwilio%2Fstatus",
                AUTH)).isEmpty();
    }

    @Test
    void aMisspelledFormParameterARepeatedPageSizeAZonelessDateAndNoAuthAreViolations() {
        assertThat(violations("POST", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", null,
                "To=%2B14045387319&From=%2B14044764365&Bodyy=Hello", AUTH)).isNotEmpty();
        assertThat(violations("GET", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", "PageSize=100&PageSize=100",
                "", AUTH)).anySatisfy(violation -> assertThat(violation).contains("PageSize"));
        assertThat(violations("GET", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json",
                "DateSent%3E=2026-12-01T09%3A42%3A43", "", AUTH)).anySatisfy(violation -> assertThat(violation)
                        .contains("date-time"));
        assertThat(violations("GET", "/2010-04-01/Accounts/" + ACCOUNT + ".json", null, "", null)).isNotEmpty();
        assertThat(violations("GET", "/2010-04-01/Accounts/" + ACCOUNT + "/Nothing.json", null, "", AUTH)).isNotEmpty();
    }

    private static List<String> violations(String method, String path, String query, String form,
            String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of("content-type",
                List.of("application/x-www-form-urlencoded"))
                : Map.of("authorization", List.of(authorization), "content-type",
                        List.of("application/x-www-form-urlencoded"));
        return TwilioApiDescription.instance().violations(new FakeTwilio.RecordedRequest(method, path, query, headers,
                FakeTwilio.decodeForm(form), form, Instant.now()));
    }
}
