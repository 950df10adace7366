package org.textdesk.quickentry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A standard text staff can pick on the Send Text form. Positions are 1, 2, 3, ... without gaps. */
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
