package org.textdesk.inbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.textdesk.inbox.IncomingTextRows.IncomingRow;
import org.textdesk.inbox.IncomingTextRows.Stored;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.system.GroupCommit;

/** Ordinary incoming texts on PostgreSQL, stored together ({@link GroupCommit}) by {@link IncomingTextRows}. */
@Component
class IncomingTextBatches extends GroupCommit<IncomingRow, Stored> {

    private final IncomingTextRows rows;
    private final IncomingLiveEvents liveEvents;

    IncomingTextBatches(IncomingTextRows rows, DatabaseProduct database, IncomingLiveEvents liveEvents) {
        super("incoming-text-writer", database.isPostgres());
        this.rows = rows;
        this.liveEvents = liveEvents;
    }

    /** @return empty when a text with this MessageSid was stored before */
    Optional<Stored> store(IncomingRow text) {
        return Optional.ofNullable(submit(text));
    }

    @Override
    protected List<Stored> writeBatch(List<IncomingRow> texts) {
        return announced(rows.storeLinked(texts));
    }

    @Override
    protected Stored writeAlone(IncomingRow text) {
        return announced(rows.storeLinked(List.of(text))).get(0);
    }

    /** The statement has committed (no transaction around it): open pages may now read the new texts. */
    private List<Stored> announced(List<Stored> stored) {
        liveEvents.stored(stored.stream().filter(Objects::nonNull).map(Stored::messageId).toList());
        return stored;
    }
}
