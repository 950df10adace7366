package org.textdesk.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the files of texts for the pages and exports that list texts: one statement per 500 texts. */
@Component
public class TextAttachments {

    private static final int TEXTS_PER_STATEMENT = 500;

    private final NamedParameterJdbcTemplate jdbc;

    TextAttachments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each text's files by position; texts without files are absent. */
    public Map<Long, List<TextAttachment>> ofTexts(Collection<Long> textMessageIds) {
        Map<Long, List<TextAttachment>> byText = new HashMap<>();
        List<Long> ids = List.copyOf(textMessageIds);
        for (int from = 0; from < ids.size(); from += TEXTS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + TEXTS_PER_STATEMENT));
            jdbc.query("""
                    select id, text_message_id, position, declared_type, state, not_kept_reason, content_type,
                        size_bytes, attempts
                    from text_media where text_message_id in (:ids) order by text_message_id, position""",
                    Map.of("ids", chunk), (row, n) -> {
                        TextAttachment attachment = new TextAttachment(row.getLong(1), row.getLong(2), row.getInt(3),
                                row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                                (Long) row.getObject(8, Long.class), row.getInt(9));
                        byText.computeIfAbsent(attachment.textMessageId(), id -> new ArrayList<>()).add(attachment);
                        return attachment;
                    });
        }
        return byText;
    }

    public List<TextAttachment> ofText(long textMessageId) {
        return ofTexts(List.of(textMessageId)).getOrDefault(textMessageId, List.of());
    }
}
