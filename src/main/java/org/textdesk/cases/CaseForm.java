package org.textdesk.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What a staff member types on the Add case and Edit case forms. */
class CaseForm {

    @NotBlank(message = "{case.caseNumber.required}")
    private String caseNumber = "";

    @NotBlank(message = "{case.title.required}")
    @Size(max = 200, message = "{case.title.tooLong}")
    private String title = "";

    @NotNull(message = "{case.openedOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate openedOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closedOn;

    /** The version of the case the form was loaded with (editing only). */
    private Long version;

    static CaseForm openingOn(LocalDate today) {
        CaseForm form = new CaseForm();
        form.setOpenedOn(today);
        return form;
    }

    static CaseForm of(CaseRecord caseRecord) {
        CaseForm form = new CaseForm();
        form.setCaseNumber(caseRecord.getCaseNumber());
        form.setTitle(caseRecord.getTitle());
        form.setOpenedOn(caseRecord.getOpenedOn());
        form.setClosedOn(caseRecord.getClosedOn());
        form.setVersion(caseRecord.getVersion());
        return form;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = clean(caseNumber);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = clean(title);
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public void setOpenedOn(LocalDate openedOn) {
        this.openedOn = openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public void setClosedOn(LocalDate closedOn) {
        this.closedOn = closedOn;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    private static String clean(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
