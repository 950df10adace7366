package org.textdesk.client;

/** The Clients list's search box and page number (from 1). */
class ClientSearchForm {

    private String q = "";

    private int page = 1;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? "" : q.strip();
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
