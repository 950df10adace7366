package org.textdesk.inbox;

import java.time.Instant;

/**
 * How far one staff member has read one client's timeline (a row of {@code inbox_read_marks}): up to and including
 * the text at ({@code throughCreatedAt}, {@code throughTextId}) in the timeline's order, time first, then text id.
 * The same rule is written in SQL in {@link MyInbox} (the counts) and {@link ReadMarks}.
 *
 * @param throughCreatedAt the timeline time (client_texts.created_at) of the last text read
 * @param throughTextId    that text's id, which orders texts of the same time
 */
public record ReadMark(Instant throughCreatedAt, long throughTextId) {

    public ReadMark {
        if (throughCreatedAt == null) {
            throw new IllegalArgumentException("a read mark needs the time of the text it reads up to");
        }
    }

    /** Whether the text at this place of the timeline comes after the mark. */
    public boolean isBefore(Instant createdAt, long textId) {
        int byTime = createdAt.compareTo(throughCreatedAt);
        return byTime > 0 || byTime == 0 && textId > throughTextId;
    }

    /**
     * Whether an incoming text is unread for a staff member: after their mark when they have one ({@code mark}),
     * else not yet read by anyone ({@code readByAnyone}, text_messages.read_at: the office-wide mark).
     */
    public static boolean unreadFor(ReadMark mark, Instant createdAt, long textId, boolean readByAnyone) {
        return mark == null ? !readByAnyone : mark.isBefore(createdAt, textId);
    }
}
