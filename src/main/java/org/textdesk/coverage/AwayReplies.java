package org.textdesk.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.system.OrganisationTime;
import org.textdesk.texts.Sql;

/**
 * What a client texting in gets while their caseworker is away: the away message instead of the Text Response,
 * once per client per day (the organisation's date), and nothing for the rest of that day. Keywords never get
 * here (Twilio answers them itself). Each reply is claimed by its row in away_replies (one statement, no
 * transaction needed), so a text posted twice at once, or to two instances, is answered once.
 */
@Component
public class AwayReplies {

    /** What to answer. */
    public enum Kind {
        /** No caseworker of this number's clients is away: the Text Response, as always. */
        NOT_AWAY,
        /** The away message (of {@link AwayReply#message()}). */
        AWAY_MESSAGE,
        /** The caseworker is away and the client already had the away message today: nothing. */
        TOLD_TODAY
    }

    /** The answer; the message only for {@link Kind#AWAY_MESSAGE}. */
    public record AwayReply(Kind kind, String message) {
    }

    private record AwayCaseworker(long clientId, long staffId, String message) {
    }

    private final JdbcTemplate jdbc;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    AwayReplies(JdbcTemplate jdbc, OrganisationTime organisationTime, Clock clock) {
        this.jdbc = jdbc;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    /** The answer to an ordinary (not keyword) text from this number, E.164. */
    public AwayReply replyTo(String fromE164) {
        Instant now = clock.instant();
        List<AwayCaseworker> away = jdbc.query("""
                select c.id, a.staff_id, a.message from clients c join staff_away a on a.staff_id = c.caseworker_id
                where c.cell_e164 = ? and a.away_from <= ? and a.away_until > ? order by c.id""",
                (row, n) -> new AwayCaseworker(row.getLong(1), row.getLong(2), row.getString(3)), fromE164,
                Sql.timestamp(now), Sql.timestamp(now));
        if (away.isEmpty()) {
            return new AwayReply(Kind.NOT_AWAY, null);
        }
        for (AwayCaseworker client : away) {
            if (claim(client, now)) {
                return new AwayReply(Kind.AWAY_MESSAGE, client.message());
            }
        }
        return new AwayReply(Kind.TOLD_TODAY, null);
    }

    private boolean claim(AwayCaseworker client, Instant now) {
        return jdbc.update("""
                insert into away_replies (client_id, replied_on, staff_id, replied_at) values (?, ?, ?, ?)
                on conflict do nothing""", client.clientId(), AwayRule.replyDay(now, organisationTime.zone()),
                client.staffId(), Sql.timestamp(now)) == 1;
    }
}
