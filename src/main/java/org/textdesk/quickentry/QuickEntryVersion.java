package org.textdesk.quickentry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A Quick Entry's text in another language than English: one row of quick_entry_versions. */
@Embeddable
class QuickEntryVersion {

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected QuickEntryVersion() {
    }

    /** {@code checkedText} has passed {@link QuickEntryText#check}. */
    QuickEntryVersion(String checkedText, Instant at) {
        this.text = checkedText;
        this.updatedAt = at;
    }

    String getText() {
        return text;
    }
}
