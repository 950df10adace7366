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

/**
 * The texting side of the client record and the Clients list, for a page of clients in one statement:
 * per client, a count of unread incoming texts (the client's links in the client_texts key, each looked up
 * in the small text_messages_unread_idx on PostgreSQL) and the last text sent to the client
 * (text_messages_client_outbound_idx, read backwards, one row per client).
 */
@Component
class ClientTextingSummariesQuery implements ClientTextingSummaries {

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
                select t.client_id, t.unread, last_text.id as last_id, last_text.status as last_status,
                       last_text.created_at as last_sent_at
                from (select c.id as client_id,
                             (select count(*) from text_messages m
                              join client_texts ct on ct.text_message_id = m.id and ct.client_id = c.id
                              where m.direction = 'INBOUND' and m.read_at is null) as unread,
                             (select m.id from text_messages m
                              where m.client_id = c.id and m.direction = 'OUTBOUND'
                              order by m.created_at desc, m.id desc limit 1) as last_id
                      from clients c where c.id in (:ids)) t
                left join text_messages last_text on last_text.id = t.last_id""",
                Map.of("ids", clientIds), (ResultSet row) -> {
                    String lastStatus = row.getString("last_status");
                    boolean failed = lastStatus != null && MessageStatus.isProblem(lastStatus);
                    summaries.put(row.getLong("client_id"), new TextingSummary(row.getLong("unread"),
                            failed ? row.getLong("last_id") : null, failed ? lastStatus : null,
                            failed ? Sql.instant(row, "last_sent_at") : null));
                });
        clientIds.forEach(id -> summaries.putIfAbsent(id, TextingSummary.NONE));
        return summaries;
    }
}
