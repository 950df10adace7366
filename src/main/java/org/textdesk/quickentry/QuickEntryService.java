package org.textdesk.quickentry;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/** Quick Entry messages: admins keep the list, everyone picks from it on the Send Text form. */
@Service
public class QuickEntryService {

    enum Direction {
        UP,
        DOWN
    }

    private static final Logger log = LoggerFactory.getLogger(QuickEntryService.class);

    private final QuickEntryRepository repository;
    private final Clock clock;

    QuickEntryService(QuickEntryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Every Quick Entry in the order admins gave them. */
    @Transactional(readOnly = true)
    public List<QuickEntryView> listQuickEntries() {
        return repository.findAllByOrderByPositionAsc().stream().map(QuickEntry::toView).toList();
    }

    /** One Quick Entry, or {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public QuickEntryView findQuickEntry(long id) {
        return find(id).toView();
    }

    /** The entry's version, which an edit form sends back to detect a change made meanwhile. */
    @Transactional(readOnly = true)
    long versionOf(long id) {
        return find(id).getVersion();
    }

    /** Adds a Quick Entry at the end of the list. */
    @Transactional
    QuickEntryView addQuickEntry(String typedText) {
        String text = QuickEntryText.check(typedText);
        QuickEntry entry = new QuickEntry(text, repository.findMaxPosition() + 1, clock.instant());
        try {
            repository.saveAndFlush(entry);
        } catch (DataIntegrityViolationException addedAtTheSameTime) {
            throw new FieldRuleException("text", "quickEntry.changedMeanwhile");
        }
        log.info("Quick Entry {} added at position {}", entry.getId(), entry.getPosition());
        return entry.toView();
    }

    /** Changes the text, unless someone changed the entry after {@code expectedVersion}. */
    @Transactional
    void changeQuickEntry(long id, String typedText, Long expectedVersion) {
        QuickEntry entry = find(id);
        String text = QuickEntryText.check(typedText);
        if (!Objects.equals(expectedVersion, entry.getVersion())) {
            throw new FieldRuleException("text", "quickEntry.stale");
        }
        entry.changeText(text, clock.instant());
        flushOrRefuse("text");
        log.info("Quick Entry {} changed", id);
    }

    /** Deletes the entry; the entries after it move up one place, so positions stay 1, 2, 3, ... */
    @Transactional
    void deleteQuickEntry(long id) {
        QuickEntry entry = find(id);
        int position = entry.getPosition();
        repository.delete(entry);
        flushOrRefuse("position");
        for (QuickEntry later : repository.findByPositionGreaterThanOrderByPositionAsc(position)) {
            later.moveTo(later.getPosition() - 1);
            flushOrRefuse("position");
        }
        log.info("Quick Entry {} deleted", id);
    }

    /** Swaps the entry with its neighbour above or below; nothing happens at either end of the list. */
    @Transactional
    void moveQuickEntry(long id, Direction direction) {
        QuickEntry entry = find(id);
        int from = entry.getPosition();
        Optional<QuickEntry> neighbour = direction == Direction.UP
                ? repository.findFirstByPositionLessThanOrderByPositionDesc(from)
                : repository.findFirstByPositionGreaterThanOrderByPositionAsc(from);
        if (neighbour.isEmpty()) {
            return;
        }
        int to = neighbour.get().getPosition();
        // Positions are unique at every moment (PostgreSQL checks each row), so park the entry past the end first.
        entry.moveTo(repository.findMaxPosition() + 1);
        flushOrRefuse("position");
        neighbour.get().moveTo(from);
        flushOrRefuse("position");
        entry.moveTo(to);
        flushOrRefuse("position");
    }

    private QuickEntry find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("quick entry", id));
    }

    /** Another admin changing the list at the same moment makes this change fail cleanly instead of with a 500. */
    private void flushOrRefuse(String field) {
        try {
            repository.flush();
        } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException changedMeanwhile) {
            throw new FieldRuleException(field, "quickEntry.changedMeanwhile");
        }
    }
}
