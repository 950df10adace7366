package org.textdesk.media;

import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes the files of texts kept longer than the retention setting allows (issue 17 point 7): their bytes go,
 * their rows stay (position, type) and say the file was removed ({@link NotKept#REMOVED}), so pages still tell
 * that a picture came. A file not fetched yet is never fetched.
 */
@Component
public class PictureRemoval {

    private final NamedParameterJdbcTemplate jdbc;

    PictureRemoval(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes the kept (and still awaited) files of these texts, at most a few hundred ids; run it in the
     * transaction that redacts their bodies. Only rows still holding a file change, so a second call counts none.
     *
     * @return how many files were removed
     */
    public int removeFilesOf(Collection<Long> textMessageIds) {
        if (textMessageIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                update text_media set content = null, state = :notKept, not_kept_reason = :removed,
                    claimed_by = null, claimed_until = null
                where text_message_id in (:ids) and state in (:stored, :pending)""",
                Map.of("notKept", MediaState.NOT_KEPT, "removed", NotKept.REMOVED, "ids", textMessageIds,
                        "stored", MediaState.STORED, "pending", MediaState.PENDING));
    }
}
