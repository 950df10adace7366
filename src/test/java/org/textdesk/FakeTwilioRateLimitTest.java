package org.textdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake's limit of sends a second: a sliding window over the accepted ones, 429 above it. */
class FakeTwilioRateLimitTest {

    @Test
    void noSecondWhereverItStartsHoldsMoreThanTheLimit() {
        FakeTwilio.RateLimit limit = new FakeTwilio.RateLimit(2);
        assertThat(limit.admit(at("2026-12-02T10:00:00.000Z"))).isTrue();
        assertThat(limit.admit(at("2026-12-02T10:00:00.600Z"))).isTrue();
        assertThat(limit.admit(at("2026-12-02T10:00:00.999Z"))).isFalse();
        // 1 s after the first, the first no longer counts; the refused one never did
        assertThat(limit.admit(at("2026-12-02T10:00:01.000Z"))).isTrue();
        assertThat(limit.admit(at("2026-12-02T10:00:01.500Z"))).isFalse();
        assertThat(limit.admit(at("2026-12-02T10:00:01.600Z"))).isTrue();
        assertThat(limit.refused()).isEqualTo(2);
        assertThat(limit.accepted()).extracting(FakeTwilio.RecordedRequest::receivedAt).containsExactly(
                Instant.parse("2026-12-02T10:00:00.000Z"), Instant.parse("2026-12-02T10:00:00.600Z"),
                Instant.parse("2026-12-02T10:00:01.000Z"), Instant.parse("2026-12-02T10:00:01.600Z"));
    }

    private static FakeTwilio.RecordedRequest at(String instant) {
        return new FakeTwilio.RecordedRequest("POST", "/2010-04-01/Accounts/AC/Messages.json", null, Map.of(),
                Map.of("To", List.of("+14045550100")), "To=%2B14045550100", Instant.parse(instant));
    }
}
