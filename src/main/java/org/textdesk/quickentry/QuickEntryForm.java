package org.textdesk.quickentry;

/** What an admin types to add or change a Quick Entry. */
class QuickEntryForm {

    private String text = "";
    private Long version;

    static QuickEntryForm of(QuickEntryView entry, long version) {
        QuickEntryForm form = new QuickEntryForm();
        form.text = entry.text();
        form.version = version;
        return form;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
