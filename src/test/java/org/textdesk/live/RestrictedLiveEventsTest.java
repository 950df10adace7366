package org.textdesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * With restricted caseloads on, a caseworker's event stream tells nothing of another caseworker's clients, not even
 * their ids (issue 21 point 3); over real HTTP on PostgreSQL.
 */
class RestrictedLiveEventsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ClientService clientService;

    private String sessionOf(Staff staff) {
        HttpVisitor visitor = new HttpVisitor(baseUrl());
        assertThat(visitor.logIn(staff.getUsername(), STAFF_PASSWORD).statusCode()).isEqualTo(302);
        return visitor.cookie(SESSION_COOKIE).orElseThrow();
    }

    private long textFrom(String cell, String body) {
        String sid = FakeTwilio.newMessageSid();
        assertThat(TwilioWebhookRequests.postHttp(baseUrl(), "/twilio/sms",
                TwilioWebhookRequests.incomingText(sid, cell, body)).statusCode()).isEqualTo(200);
        return jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
    }

    @Test
    void aCaseworkersStreamHearsOnlyOfTheClientsTheyMaySee() throws InterruptedException {
        configureTwilio();
        Staff casey = newCaseworker();
        Staff robin = newCaseworker();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        Client lee = ClientFixture.client("Lee", "Carter").cell("770", "555-0111").safe(true).okayToText(true)
                .create(clientService, as(robin));
        jdbc.update("insert into caseload_settings (id, restricted) values (1, true)"
                + " on conflict (id) do update set restricted = true");

        try (EventStream caseys = EventStream.open(baseUrl(), sessionOf(casey));
                EventStream robins = EventStream.open(baseUrl(), sessionOf(robin))) {
            long fromJordan = textFrom("+14045387319", "About the rent");
            long fromLee = textFrom("+17705550111", "About the bus");

            assertThat(caseys.nextData(WAIT)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + jordan.getId()
                    + ",\"messageId\":" + fromJordan + ",\"mine\":true}");
            // Events go out in order on one thread: Robin's first is Lee's, so Jordan's was never sent to him.
            assertThat(robins.nextData(WAIT)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":" + lee.getId()
                    + ",\"messageId\":" + fromLee + ",\"mine\":true}");
            long againFromJordan = textFrom("+14045387319", "Rent again");
            assertThat(caseys.nextData(WAIT)).as("Lee's was never sent to Casey").isEqualTo("{\"kind\":\"incoming\","
                    + "\"clientId\":" + jordan.getId() + ",\"messageId\":" + againFromJordan + ",\"mine\":true}");
            assertThat(robins.everything()).doesNotContain("\"clientId\":" + jordan.getId() + ",",
                    "\"messageId\":" + fromJordan + ",");
        }
    }
}
