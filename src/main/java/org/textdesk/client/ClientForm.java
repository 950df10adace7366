package org.textdesk.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a staff member types on the New client and Edit client forms. */
class ClientForm {

    @NotBlank(message = "{client.firstName.required}")
    @Size(max = 80, message = "{client.firstName.tooLong}")
    private String firstName = "";

    @NotBlank(message = "{client.lastName.required}")
    @Size(max = 80, message = "{client.lastName.tooLong}")
    private String lastName = "";

    private String cellAreaCode = "";

    private String cellNumber = "";

    private boolean safe;

    private boolean okayToText;

    /** The preferred language's id; null when the form sent none. */
    private Long languageId;

    /** The cell number Okay to Text was ticked for: the saved one, or the one typed when it was ticked. */
    private String okayToTextCell = "";

    /** The version of the client the form was loaded with (editing only). */
    private Long version;

    static ClientForm of(Client client) {
        ClientForm form = new ClientForm();
        form.setFirstName(client.getFirstName());
        form.setLastName(client.getLastName());
        form.setCellAreaCode(client.getCellAreaCode());
        form.setCellNumber(client.getCellNumber());
        form.setSafe(client.isSafe());
        form.setOkayToText(client.isOkayToText());
        form.setLanguageId(client.getLanguageId());
        form.setOkayToTextCell(client.isOkayToText() ? client.getCellE164() : "");
        form.setVersion(client.getVersion());
        return form;
    }

    ClientDetails details() {
        return new ClientDetails(firstName, lastName, cellAreaCode, cellNumber, safe, okayToText, okayToTextCell,
                languageId);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = clean(firstName);
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = clean(lastName);
    }

    public String getCellAreaCode() {
        return cellAreaCode;
    }

    public void setCellAreaCode(String cellAreaCode) {
        this.cellAreaCode = clean(cellAreaCode);
    }

    public String getCellNumber() {
        return cellNumber;
    }

    public void setCellNumber(String cellNumber) {
        this.cellNumber = clean(cellNumber);
    }

    public boolean isSafe() {
        return safe;
    }

    public void setSafe(boolean safe) {
        this.safe = safe;
    }

    public boolean isOkayToText() {
        return okayToText;
    }

    public void setOkayToText(boolean okayToText) {
        this.okayToText = okayToText;
    }

    public Long getLanguageId() {
        return languageId;
    }

    public void setLanguageId(Long languageId) {
        this.languageId = languageId;
    }

    public String getOkayToTextCell() {
        return okayToTextCell;
    }

    public void setOkayToTextCell(String okayToTextCell) {
        this.okayToTextCell = clean(okayToTextCell);
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
