package org.textdesk.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.inbox.ReadMark;
import org.textdesk.media.TextAttachment;
import org.textdesk.media.TextAttachments;
import org.textdesk.texts.Sql;

/**
 * Reads a client's thread: the newest texts of the client's timeline in both directions, shown oldest first
 * as a messaging app does. Two statements whatever the length (the texts through client_texts_timeline_idx,
 * then their files); older texts are on the client's Texts page.
 */
@Component
class ConversationThread {

    /** How many of the newest texts the thread shows. */
    static final int SHOWN = 50;

    private final JdbcTemplate jdbc;
    private final TextAttachments textAttachments;

    ConversationThread(JdbcTemplate jdbc, TextAttachments textAttachments) {
        this.jdbc = jdbc;
        this.textAttachments = textAttachments;
    }

    /**
     * The thread as shown.
     *
     * @param earlier there are older texts than these (on the Texts page)
     */
    record Thread(List<ThreadMessage> messages, boolean earlier) {
    }

    /** The thread as staff member {@code readerId} sees it: New on the incoming texts unread for them. */
    Thread of(long clientId, long readerId) {
        List<ThreadMessage> newestFirst = new ArrayList<>(jdbc.query("""
                select m.id, m.direction, m.body, ct.created_at, m.status, m.read_at, s.display_name as sent_by_name,
                       r.through_created_at, r.through_text_id
                from client_texts ct
                join text_messages m on m.id = ct.text_message_id
                left join staff s on s.id = m.sent_by
                left join inbox_read_marks r on r.staff_id = ? and r.client_id = ct.client_id
                where ct.client_id = ?
                order by ct.created_at desc, ct.text_message_id desc limit ?""", (row, n) -> {
                    boolean incoming = "INBOUND".equals(row.getString("direction"));
                    Instant at = Sql.instant(row, "created_at");
                    Instant markAt = Sql.instant(row, "through_created_at");
                    ReadMark mark = markAt == null ? null : new ReadMark(markAt, row.getLong("through_text_id"));
                    return new ThreadMessage(row.getLong("id"), incoming, row.getString("body"), at,
                            row.getString("status"), row.getString("sent_by_name"), incoming
                                    && ReadMark.unreadFor(mark, at, row.getLong("id"), row.getTimestamp("read_at") != null),
                            List.of());
                }, readerId, clientId, SHOWN + 1));
        boolean earlier = newestFirst.size() > SHOWN;
        List<ThreadMessage> shown = newestFirst.subList(0, Math.min(SHOWN, newestFirst.size()));
        Map<Long, List<TextAttachment>> files = textAttachments.ofTexts(
                shown.stream().filter(ThreadMessage::incoming).map(ThreadMessage::id).toList());
        List<ThreadMessage> oldestFirst = new ArrayList<>(shown.stream()
                .map(message -> message.withAttachments(files.getOrDefault(message.id(), List.of()))).toList());
        Collections.reverse(oldestFirst);
        return new Thread(List.copyOf(oldestFirst), earlier);
    }
}
