package org.textdesk.appointments;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.language.Languages;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/**
 * What an admin keeps for appointment reminders: reminder texts (English, with a version per other language) and
 * reminder plans (when a reminder goes and with which text). A saved text fits one SMS with the longest likely
 * values ({@link ReminderWording}). A plan is never deleted (reminders refer to it): it is switched off.
 */
@Service
class ReminderSettings {

    /** A reminder text with its versions in other languages by the language's id. */
    record ReminderText(long id, String name, String text, Map<Long, String> versions, long version) {

        /** The words for a client preferring this language: its version, else English. */
        String in(long languageId) {
            return versions.getOrDefault(languageId, text);
        }
    }

    /** A plan: when, and with which text. */
    record Plan(long id, ReminderTiming timing, long textId, String textName) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReminderSettings.class);

    private final JdbcTemplate jdbc;
    private final Languages languages;
    private final Clock clock;

    ReminderSettings(JdbcTemplate jdbc, Languages languages, Clock clock) {
        this.jdbc = jdbc;
        this.languages = languages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ReminderText> texts() {
        Map<Long, Map<Long, String>> versions = new HashMap<>();
        jdbc.query("select reminder_text_id, language_id, text from reminder_text_versions", row -> {
            versions.computeIfAbsent(row.getLong(1), id -> new LinkedHashMap<>()).put(row.getLong(2), row.getString(3));
        });
        return jdbc.query("select id, name, text, version from reminder_texts order by name, id", (row, n) ->
                new ReminderText(row.getLong(1), row.getString(2), row.getString(3),
                        versions.getOrDefault(row.getLong(1), Map.of()), row.getLong(4)));
    }

    @Transactional(readOnly = true)
    ReminderText text(long id) {
        return texts().stream().filter(text -> text.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("reminder text", id));
    }

    /** The plans in force, the earliest reminder first. */
    @Transactional(readOnly = true)
    List<Plan> activePlans() {
        return jdbc.query("""
                select p.id, p.days_before, p.at_time, p.minutes_before, t.id, t.name
                from reminder_plans p join reminder_texts t on t.id = p.reminder_text_id
                where p.active
                order by coalesce(p.days_before * 1440, 0) + coalesce(p.minutes_before, 0) desc, p.id""", (row, n) -> {
                    Time at = row.getTime(3);
                    return new Plan(row.getLong(1), new ReminderTiming(row.getObject(2, Integer.class),
                            at == null ? null : at.toLocalTime(), row.getObject(4, Integer.class)), row.getLong(5),
                            row.getString(6));
                });
    }

    /**
     * Adds or changes a reminder text ({@code id} null: a new one); versions by language id, blank ones dropped.
     *
     * @throws FieldRuleException beside the field that breaks a rule; nothing is written then
     */
    @Transactional
    long saveText(Long id, Long expectedVersion, String name, String text, Map<Long, String> versions) {
        String checkedName = name == null ? "" : name.strip();
        if (checkedName.isEmpty() || checkedName.length() > 60) {
            throw new FieldRuleException("name", "appointments.text.name.invalid", 60);
        }
        String checkedText = ReminderWording.check(text, "text");
        Map<Long, String> checkedVersions = new LinkedHashMap<>();
        versions.forEach((languageId, typed) -> {
            if (typed != null && !typed.isBlank() && languageId != Languages.ENGLISH_ID) {
                languages.checkedLanguage(languageId, "versions[" + languageId + "]");
                checkedVersions.put(languageId, ReminderWording.check(typed, "versions[" + languageId + "]"));
            }
        });
        Instant now = clock.instant();
        long textId;
        if (id == null) {
            textId = AppointmentRows.insert(jdbc, """
                    insert into reminder_texts (name, text, created_at, updated_at) values (?, ?, ?, ?)""",
                    checkedName, checkedText, Timestamp.from(now), Timestamp.from(now));
        } else {
            int changed = jdbc.update("""
                    update reminder_texts set name = ?, text = ?, updated_at = ?, version = version + 1
                    where id = ? and version = ?""", checkedName, checkedText, Timestamp.from(now), id,
                    expectedVersion == null ? -1 : expectedVersion);
            if (changed == 0) {
                text(id);
                throw FieldRuleException.ofForm("appointments.text.changedMeanwhile");
            }
            textId = id;
            jdbc.update("delete from reminder_text_versions where reminder_text_id = ?", textId);
        }
        checkedVersions.forEach((languageId, version) -> jdbc.update(
                "insert into reminder_text_versions (reminder_text_id, language_id, text) values (?, ?, ?)", textId,
                languageId, version));
        log.info("Reminder text {} saved", textId);
        return textId;
    }

    /** Adds a plan with an existing text. */
    @Transactional
    long addPlan(ReminderTiming timing, Long textId) {
        if (textId == null || jdbc.queryForObject("select count(*) from reminder_texts where id = ?", Integer.class,
                textId) == 0) {
            throw new FieldRuleException("textId", "appointments.plan.text.required");
        }
        long id = AppointmentRows.insert(jdbc, """
                insert into reminder_plans (days_before, at_time, minutes_before, reminder_text_id, active, created_at)
                values (?, ?, ?, ?, true, ?)""", timing.daysBefore(),
                timing.atTime() == null ? null : Time.valueOf(timing.atTime()), timing.minutesBefore(), textId,
                Timestamp.from(clock.instant()));
        log.info("Reminder plan {} added", id);
        return id;
    }

    /** Switches a plan off: appointments booked or moved from now on get no reminder by it. */
    @Transactional
    void switchOff(long planId) {
        if (jdbc.update("update reminder_plans set active = false where id = ?", planId) == 0) {
            throw new NotFoundException("reminder plan", planId);
        }
        log.info("Reminder plan {} switched off", planId);
    }

    static LocalTime time(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalTime.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException notATime) {
            throw new FieldRuleException("atTime", "appointments.plan.atTime.required");
        }
    }
}
