package org.textdesk.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The names of a client added from the number of a text; the number is the text's. Same rules as the record. */
class NewClientFromNumberForm {

    @NotBlank(message = "{client.firstName.required}")
    @Size(max = 80, message = "{client.firstName.tooLong}")
    private String firstName = "";

    @NotBlank(message = "{client.lastName.required}")
    @Size(max = 80, message = "{client.lastName.tooLong}")
    private String lastName = "";

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName == null ? "" : firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName == null ? "" : lastName;
    }
}
