package org.textdesk.language;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A language as stored: English (1) and Spanish (2) from the migration, others added by admins. */
@Entity
@Table(name = "languages")
class Language {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String code;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Language() {
    }

    /** {@code checked} has passed {@link NewLanguage#check}. */
    Language(NewLanguage checked, Instant at) {
        this.name = checked.name();
        this.code = checked.code();
        this.createdAt = at;
    }

    LanguageView toView() {
        return new LanguageView(id, name, code);
    }
}
