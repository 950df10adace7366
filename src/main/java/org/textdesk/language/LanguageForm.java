package org.textdesk.language;

/** What an admin types to add a language. */
class LanguageForm {

    private String name = "";
    private String code = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }
}
