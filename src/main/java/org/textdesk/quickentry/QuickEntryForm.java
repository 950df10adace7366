package org.textdesk.quickentry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an admin types to add or change a Quick Entry: its text (English) and its versions in the other languages
 * ({@code versions[2]}: the language's id; blank means no version).
 */
class QuickEntryForm {

    private String text = "";
    private Map<Long, String> versions = new LinkedHashMap<>();
    private Long version;

    static QuickEntryForm of(QuickEntryView entry, Map<Long, String> versions, long version) {
        QuickEntryForm form = new QuickEntryForm();
        form.text = entry.text();
        form.versions = new LinkedHashMap<>(versions);
        form.version = version;
        return form;
    }

    public Map<Long, String> getVersions() {
        return versions;
    }

    public void setVersions(Map<Long, String> versions) {
        this.versions = versions == null ? new LinkedHashMap<>() : versions;
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
