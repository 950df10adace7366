package org.textdesk.quickentry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.language.LanguageView;
import org.textdesk.language.Languages;
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
    private final Languages languages;
    private final Clock clock;

    QuickEntryService(QuickEntryRepository repository, Languages languages, Clock clock) {
        this.repository = repository;
        this.languages = languages;
        this.clock = clock;
    }

    /** Every Quick Entry in the order admins gave them. */
    @Transactional(readOnly = true)
    public List<QuickEntryView> listQuickEntries() {
        return repository.findAllByOrderByPositionAsc().stream().map(QuickEntry::toView).toList();
    }

    /**
     * What the Send Text form offers a client who prefers {@code languageId}: first every Quick Entry that has a
     * version in that language, then every one in English (so an entry without that version is still offered,
     * in English). For an English-speaking client, the English ones only.
     */
    @Transactional(readOnly = true)
    public List<QuickEntryGroup> groupsFor(long languageId) {
        List<QuickEntry> entries = repository.findAllWithVersions();
        LanguageView english = languages.findLanguage(Languages.ENGLISH_ID);
        List<QuickEntryGroup> groups = new ArrayList<>();
        if (languageId != Languages.ENGLISH_ID) {
            LanguageView language = languages.findLanguage(languageId);
            List<QuickEntryChoice> inLanguage = new ArrayList<>();
            for (QuickEntry entry : entries) {
                String text = entry.versionTexts().get(languageId);
                if (text != null) {
                    inLanguage.add(new QuickEntryChoice(entry.getId(), language, text));
                }
            }
            groups.add(new QuickEntryGroup(language, inLanguage));
        }
        groups.add(new QuickEntryGroup(english,
                entries.stream().map(entry -> new QuickEntryChoice(entry.getId(), english, entry.getText())).toList()));
        return groups;
    }

    /** The entry's versions in other languages than English, by language id (the admin form shows them). */
    @Transactional(readOnly = true)
    Map<Long, String> versionsOf(long id) {
        return find(id).versionTexts();
    }

    /** For the admin list: the names of the other languages each entry has a version in, by entry id. */
    @Transactional(readOnly = true)
    Map<Long, List<String>> versionLanguagesByEntry() {
        List<LanguageView> all = languages.listLanguages();
        Map<Long, List<String>> names = new LinkedHashMap<>();
        for (QuickEntry entry : repository.findAllWithVersions()) {
            Map<Long, String> texts = entry.versionTexts();
            names.put(entry.getId(), all.stream().filter(language -> texts.containsKey(language.id()))
                    .map(LanguageView::name).toList());
        }
        return names;
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
        return addQuickEntry(typedText, Map.of());
    }

    /**
     * Adds a Quick Entry at the end of the list, with its versions in other languages (language id to text; a
     * blank text is no version).
     */
    @Transactional
    QuickEntryView addQuickEntry(String typedText, Map<Long, String> typedVersions) {
        String text = QuickEntryText.check(typedText);
        Map<Long, String> versions = checkedVersions(typedVersions);
        Instant now = clock.instant();
        QuickEntry entry = new QuickEntry(text, repository.findMaxPosition() + 1, now);
        versions.forEach((languageId, version) -> entry.changeVersion(languageId, version, now));
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
        changeQuickEntry(id, typedText, null, expectedVersion);
    }

    /**
     * Changes the text and, when {@code typedVersions} is not null, the versions in other languages: each language
     * in it gets that text, or loses its version when the text is blank; languages not in it keep theirs.
     */
    @Transactional
    void changeQuickEntry(long id, String typedText, Map<Long, String> typedVersions, Long expectedVersion) {
        QuickEntry entry = find(id);
        String text = QuickEntryText.check(typedText);
        Map<Long, String> versions = typedVersions == null ? Map.of() : checkedVersions(typedVersions);
        if (!Objects.equals(expectedVersion, entry.getVersion())) {
            throw new FieldRuleException("text", "quickEntry.stale");
        }
        Instant now = clock.instant();
        entry.changeText(text, now);
        versions.forEach((languageId, version) -> entry.changeVersion(languageId, version, now));
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

    /**
     * Each typed version checked by the rules of a Quick Entry's text, on its own form field
     * ({@code versions[2]}); a blank one becomes null (no version). A language that does not exist, or English
     * (the entry's own text), refuses the whole form.
     */
    private Map<Long, String> checkedVersions(Map<Long, String> typedVersions) {
        Map<Long, String> checked = new LinkedHashMap<>();
        typedVersions.forEach((languageId, typed) -> {
            if (languageId == null || languageId == Languages.ENGLISH_ID) {
                throw FieldRuleException.ofForm("language.unknown");
            }
            languages.checkedLanguage(languageId, null);
            checked.put(languageId, typed == null || typed.isBlank() ? null
                    : QuickEntryText.check(typed, "versions[" + languageId + "]"));
        });
        return checked;
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
