package org.textdesk.quickentry;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A standard text staff can pick on the Send Text form. Positions are 1, 2, 3, ... without gaps. Its own text is
 * English; it may have a version in each other language, keyed by the language's id.
 */
@Entity
@Table(name = "quick_entries")
class QuickEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "quick_entry_versions", joinColumns = @JoinColumn(name = "quick_entry_id"))
    @MapKeyColumn(name = "language_id")
    private Map<Long, QuickEntryVersion> versions = new HashMap<>();

    @Version
    private Long version;

    protected QuickEntry() {
    }

    /** {@code checkedText} has passed {@link QuickEntryText#check}. */
    QuickEntry(String checkedText, int position, Instant at) {
        this.text = checkedText;
        this.position = position;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void changeText(String checkedText, Instant at) {
        this.text = checkedText;
        this.updatedAt = at;
    }

    /**
     * The version in this language becomes {@code checkedText}; null removes it. Returns whether anything
     * changed, so an unchanged version keeps its time.
     */
    boolean changeVersion(long languageId, String checkedText, Instant at) {
        QuickEntryVersion current = versions.get(languageId);
        if (Objects.equals(current == null ? null : current.getText(), checkedText)) {
            return false;
        }
        if (checkedText == null) {
            versions.remove(languageId);
        } else {
            versions.put(languageId, new QuickEntryVersion(checkedText, at));
        }
        this.updatedAt = at;
        return true;
    }

    /** The text in each other language than English, by the language's id. */
    Map<Long, String> versionTexts() {
        Map<Long, String> texts = new HashMap<>();
        versions.forEach((languageId, version) -> texts.put(languageId, version.getText()));
        return texts;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    Long getId() {
        return id;
    }

    String getText() {
        return text;
    }

    int getPosition() {
        return position;
    }

    Long getVersion() {
        return version;
    }

    QuickEntryView toView() {
        return new QuickEntryView(id, position, text);
    }
}
