package org.textdesk.inbox;

/**
 * The Incoming page's query (which texts, which page) and the search for a client to attach a text to.
 */
class IncomingForm {

    private IncomingFilter show = IncomingFilter.ALL;
    private int page = 1;
    private String q = "";

    public IncomingFilter getShow() {
        return show;
    }

    public void setShow(IncomingFilter show) {
        this.show = show == null ? IncomingFilter.ALL : show;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? "" : q.strip();
    }
}
