package org.textdesk.alerts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** What a person types on My settings: their email address and when to be alerted ("off" or hours). */
class MySettingsForm {

    static final String OFF = "off";

    @Size(max = 254, message = "{settings.email.tooLong}")
    @Email(message = "{settings.email.invalid}")
    private String email = "";

    private String alertAfter = OFF;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public String getAlertAfter() {
        return alertAfter;
    }

    public void setAlertAfter(String alertAfter) {
        this.alertAfter = alertAfter == null ? "" : alertAfter.strip();
    }
}
