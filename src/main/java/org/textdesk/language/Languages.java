package org.textdesk.language;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/** The languages clients can prefer: everyone reads them, admins add them. */
@Service
public class Languages {

    /** English: the language of every Quick Entry's own text and of a client nobody chose another for. */
    public static final long ENGLISH_ID = 1;

    /** Spanish, which comes with TextDesk too (both ids are fixed by the migration V17). */
    public static final long SPANISH_ID = 2;

    private static final Logger log = LoggerFactory.getLogger(Languages.class);

    private final LanguageRepository repository;
    private final Clock clock;

    Languages(LanguageRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Every language, English first, then the others by name. */
    @Transactional(readOnly = true)
    public List<LanguageView> listLanguages() {
        return repository.findAllEnglishFirst().stream().map(Language::toView).toList();
    }

    /** Every language by its id, for pages that name the languages of several things. */
    @Transactional(readOnly = true)
    public Map<Long, LanguageView> languagesById() {
        return listLanguages().stream().collect(Collectors.toMap(LanguageView::id, Function.identity()));
    }

    /** The language with this id, which a client or Quick Entry version refers to (a foreign key: it exists). */
    @Transactional(readOnly = true)
    public LanguageView findLanguage(long id) {
        return repository.findById(id).map(Language::toView).orElseThrow(() -> new NotFoundException("language", id));
    }

    /**
     * The language with this id.
     *
     * @throws FieldRuleException on {@code field} when there is none (a form sent an id no language has)
     */
    @Transactional(readOnly = true)
    public LanguageView checkedLanguage(long id, String field) {
        return repository.findById(id).map(Language::toView)
                .orElseThrow(() -> new FieldRuleException(field, "language.unknown"));
    }

    /** Adds a language; its name and code must not be another language's, whatever their case. */
    @Transactional
    LanguageView addLanguage(String typedName, String typedCode) {
        NewLanguage checked = NewLanguage.check(typedName, typedCode);
        if (repository.existsByNameIgnoreCase(checked.name())) {
            throw new FieldRuleException("name", "language.name.taken", checked.name());
        }
        if (checked.code() != null && repository.existsByCodeIgnoreCase(checked.code())) {
            throw new FieldRuleException("code", "language.code.taken", checked.code());
        }
        Language language = new Language(checked, clock.instant());
        try {
            repository.saveAndFlush(language);
        } catch (DataIntegrityViolationException addedAtTheSameTime) {
            throw new FieldRuleException("name", "language.name.taken", checked.name());
        }
        log.info("Language {} added", language.toView().id());
        return language.toView();
    }
}
