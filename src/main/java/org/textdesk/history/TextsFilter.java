package org.textdesk.history;

/** The Texts page's query: the case to show (none: every text of the client) and the page, from 1. */
class TextsFilter {

    private Long caseId;
    private int page = 1;

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
