package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.textdesk.client.Client;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Texts written straight into the tables, as the send flow and the webhooks leave them: for tests that
 * need many texts, incoming texts, or texts at given times. Texts sent through the form are in
 * SendTextTest's style instead.
 */
public final class TextingData {

    private final JdbcTemplate jdbc;

    public TextingData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A text received from {@code from}, linked to the given clients' timelines (none: an unknown number,
     * marked as the webhook marks it).
     */
    public long incoming(String from, String body, Instant receivedAt, long... clientIds) {
        Long id = jdbc.queryForObject("""
                insert into text_messages (direction, to_number, from_number, body, twilio_sid, status, status_rank,
                                           created_at, status_changed_at, unknown_number)
                values ('INBOUND', ?, ?, ?, ?, 'received', 3, ?, ?, ?) returning id""", Long.class,
                TwilioSetupFixture.TWILIO_NUMBER, from, body, "SM" + UUID.randomUUID().toString()
                        .replace("-", ""), utc(receivedAt), utc(receivedAt), clientIds.length == 0);
        for (long clientId : clientIds) {
            link(clientId, id, receivedAt);
        }
        return id;
    }

    /**
     * A text sent to a client (linked to their timeline), with a current status and no history:
     * {@code data.outboundText().toClient(id, "+14045387319").sentBy(staffId).body("Hello").status("sent")
     * .sentAt(time).insert()}, plus {@code inCase(caseId)} and {@code errorCode("30003")} when it has them.
     */
    public OutboundText outboundText() {
        return new OutboundText();
    }

    public final class OutboundText {

        private Long clientId;
        private String to;
        private Long caseId;
        private Long staffId;
        private String body;
        private String status;
        private String errorCode;
        private Instant sentAt;

        private OutboundText() {
        }

        public OutboundText toClient(long clientId, String to) {
            this.clientId = clientId;
            this.to = to;
            return this;
        }

        public OutboundText inCase(Long caseId) {
            this.caseId = caseId;
            return this;
        }

        public OutboundText sentBy(long staffId) {
            this.staffId = staffId;
            return this;
        }

        public OutboundText body(String body) {
            this.body = body;
            return this;
        }

        public OutboundText status(String status) {
            this.status = status;
            return this;
        }

        public OutboundText errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        public OutboundText sentAt(Instant sentAt) {
            this.sentAt = sentAt;
            return this;
        }

        /** Writes the row and returns its id. */
        public long insert() {
            if (clientId == null || staffId == null || body == null || status == null || sentAt == null) {
                throw new IllegalStateException("say toClient, sentBy, body, status and sentAt");
            }
            Long id = jdbc.queryForObject("""
                    insert into text_messages (direction, client_id, case_id, to_number, from_number, body, status,
                                               status_rank, error_code, sent_by, created_at, status_changed_at)
                    values ('OUTBOUND', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                    clientId, caseId, to, TwilioSetupFixture.TWILIO_NUMBER, body, status, StatusRanks.of(status),
                    errorCode, staffId, utc(sentAt), utc(sentAt));
            link(clientId, id, sentAt);
            return id;
        }
    }

    void link(long clientId, long messageId, Instant at) {
        jdbc.update("insert into client_texts (client_id, text_message_id, created_at) values (?, ?, ?)", clientId,
                messageId, utc(at));
    }

    /** Sends a text through the Send Text form (FakeTwilio must accept it) and returns its id. */
    public static long send(MockMvcTester mvc, Staff staff, Client client, Long caseId, String body) {
        var request = mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(StaffPrincipal.of(staff)))
                .with(csrf()).param("body", body).param("sendKey", UUID.randomUUID().toString());
        if (caseId != null) {
            request = request.param("caseId", String.valueOf(caseId));
        }
        String location = request.exchange().getResponse().getRedirectedUrl();
        assertThat(location).as("redirected to the text's page").startsWith("/texts/");
        return Long.parseLong(location.substring("/texts/".length()));
    }

    public static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
