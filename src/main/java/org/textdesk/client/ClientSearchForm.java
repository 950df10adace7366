package org.textdesk.client;

/** The Clients list's search box and page number (from 1). */
class ClientSearchForm {

    private String q = "";

    private int page = 1;

    /** "mine" or "all"; empty: the person's default (My clients for a caseworker, All clients for an admin). */
    private String show = "";

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

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = "mine".equals(show) || "all".equals(show) ? show : "";
    }

    /** Whether the list shows only the person's own clients. */
    boolean onlyMine(boolean admin) {
        return show.isEmpty() ? !admin : "mine".equals(show);
    }
}
