package org.textdesk.staff;

/** A new password an admin sets for a staff member. */
class PasswordResetForm {

    private String password = "";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
