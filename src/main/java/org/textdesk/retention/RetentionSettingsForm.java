package org.textdesk.retention;

/** What an admin types on the Retention page: the months as typed (kept when refused), and the Twilio option. */
class RetentionSettingsForm {

    private String keepMonths = "";
    private boolean deleteAtTwilio;

    static RetentionSettingsForm of(RetentionPolicy policy) {
        RetentionSettingsForm form = new RetentionSettingsForm();
        form.keepMonths = policy.keep().typed();
        form.deleteAtTwilio = policy.deleteAtTwilio();
        return form;
    }

    public String getKeepMonths() {
        return keepMonths;
    }

    public void setKeepMonths(String keepMonths) {
        this.keepMonths = keepMonths == null ? "" : keepMonths;
    }

    public boolean isDeleteAtTwilio() {
        return deleteAtTwilio;
    }

    public void setDeleteAtTwilio(boolean deleteAtTwilio) {
        this.deleteAtTwilio = deleteAtTwilio;
    }
}
