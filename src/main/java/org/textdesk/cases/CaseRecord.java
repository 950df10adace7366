package org.textdesk.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.textdesk.system.FieldRuleException;

/**
 * One of a client's cases: a unique case number such as {@code 16E-20010101}, a title, and the dates
 * it was opened and (when it was) closed. A text may be sent "in" a case (the Send Text form's Case #).
 */
@Entity(name = "CaseRecord")
@Table(name = "cases")
public class CaseRecord {

    static final int CASE_NUMBER_MAX_LENGTH = 20;

    /** Letters and digits in groups joined by single dashes, like 16E-20010101. */
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true)
    private String caseNumber;

    @Column(name = "client_id", nullable = false, updatable = false)
    private Long clientId;

    @Column(nullable = false)
    private String title;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Version
    private long version;

    protected CaseRecord() {
    }

    CaseRecord(long clientId, String caseNumber, String title, LocalDate openedOn, LocalDate closedOn) {
        this.clientId = clientId;
        change(caseNumber, title, openedOn, closedOn);
    }

    /**
     * A case number as typed, trimmed and in capitals (16e-20010101 is 16E-20010101).
     *
     * @throws FieldRuleException when it is not letters and digits joined by dashes, 3 to 20 long
     */
    static String caseNumberOf(String typed) {
        String caseNumber = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        if (caseNumber.isEmpty()) {
            throw new FieldRuleException("caseNumber", "case.caseNumber.required");
        }
        if (caseNumber.length() < 3 || caseNumber.length() > CASE_NUMBER_MAX_LENGTH
                || !CASE_NUMBER.matcher(caseNumber).matches()) {
            throw new FieldRuleException("caseNumber", "case.caseNumber.format", CASE_NUMBER_MAX_LENGTH);
        }
        return caseNumber;
    }

    /**
     * A case is closed on or after the day it was opened.
     *
     * @throws FieldRuleException when the closed date is before the opened date
     */
    static void checkDates(LocalDate openedOn, LocalDate closedOn) {
        if (openedOn == null) {
            throw new FieldRuleException("openedOn", "case.openedOn.required");
        }
        if (closedOn != null && closedOn.isBefore(openedOn)) {
            throw new FieldRuleException("closedOn", "case.closedOn.beforeOpened");
        }
    }

    /**
     * Sets what staff typed; the case number is {@link #caseNumberOf normalised}.
     *
     * @throws FieldRuleException when the case number or the dates break the rules above
     */
    void change(String newCaseNumber, String newTitle, LocalDate newOpenedOn, LocalDate newClosedOn) {
        checkDates(newOpenedOn, newClosedOn);
        this.caseNumber = caseNumberOf(newCaseNumber);
        this.title = newTitle;
        this.openedOn = newOpenedOn;
        this.closedOn = newClosedOn;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public long getClientId() {
        return clientId;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    /** The day the case was closed, or null while it is open. */
    public LocalDate getClosedOn() {
        return closedOn;
    }

    public boolean isOpen() {
        return closedOn == null;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "CaseRecord[" + id + "]";
    }
}
