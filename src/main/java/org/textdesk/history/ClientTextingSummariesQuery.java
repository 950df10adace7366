package org.textdesk.history;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.client.ClientTextingSummaries;
import org.textdesk.client.RecentTexts;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.Sql;
import org.textdesk.texts.TwilioErrorKinds;

/**
 * The texting side of the client record and the Clients list, for a page of clients in one statement:
 * per client, a count of unread incoming texts (the client's links in the client_texts key, each looked up
 * in the small text_messages_unread_idx on PostgreSQL) and the last text sent to the client
 * (text_messages_client_outbound_idx, read backwards, one row per client), and whether the client's cell may
 * be wrong ({@link TwilioErrorKinds#NUMBER_WRONG}: two such failures to it since the last delivered text).
 */
@Component
class ClientTextingSummariesQuery implements ClientTextingSummaries {

    /** Failures that say the number is wrong, to the client's current cell and none delivered since. */
    static final int NUMBER_WRONG_AFTER = 2;

    private final NamedParameterJdbcTemplate jdbc;
    private final TextTimeline timeline;

    ClientTextingSummariesQuery(NamedParameterJdbcTemplate jdbc, TextTimeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    @Override
    public RecentTexts recentTextsOf(long clientId) {
        return RecentTextRows.of(timeline.latest(TimelineScope.ofClient(clientId), RecentTexts.SHOWN));
    }

    @Override
    public Map<Long, TextingSummary> summariesOf(Collection<Long> clientIds) {
        Map<Long, TextingSummary> summaries = new HashMap<>();
        if (clientIds.isEmpty()) {
            return summaries;
        }
        jdbc.query("""
                select t.client_id, t.unread, t.number_wrong, last_text.id as last_id, last_text.status as last_status,
                       last_text.created_at as last_sent_at
                from (select c.id as client_id,
                             (select count(*) from text_messages m
                              join client_texts ct on ct.text_message_id = m.id and ct.client_id = c.id
                              where m.direction = 'INBOUND' and m.read_at is null) as unread,
                             (select m.id from text_messages m
                              where m.client_id = c.id and m.direction = 'OUTBOUND'
                              order by m.created_at desc, m.id desc limit 1) as last_id,
                             (select count(*) from text_messages m
                              where m.client_id = c.id and m.direction = 'OUTBOUND' and m.to_number = c.cell_e164
                                and m.error_code in (:numberWrong)
                                and not exists (select 1 from text_messages d
                                                where d.client_id = c.id and d.direction = 'OUTBOUND'
                                                  and d.to_number = c.cell_e164 and d.status in ('delivered', 'read')
                                                  and d.created_at > m.created_at)) as number_wrong
                      from clients c where c.id in (:ids)) t
                left join text_messages last_text on last_text.id = t.last_id""",
                Map.of("ids", clientIds, "numberWrong", TwilioErrorKinds.NUMBER_WRONG), (ResultSet row) -> {
                    String lastStatus = row.getString("last_status");
                    boolean failed = lastStatus != null && MessageStatus.isProblem(lastStatus);
                    summaries.put(row.getLong("client_id"), new TextingSummary(row.getLong("unread"),
                            failed ? row.getLong("last_id") : null, failed ? lastStatus : null,
                            failed ? Sql.instant(row, "last_sent_at") : null,
                            row.getLong("number_wrong") >= NUMBER_WRONG_AFTER));
                });
        clientIds.forEach(id -> summaries.putIfAbsent(id, TextingSummary.NONE));
        return summaries;
    }
}
