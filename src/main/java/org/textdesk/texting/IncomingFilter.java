package org.textdesk.texting;

/** Which incoming texts the Incoming page lists. */
enum IncomingFilter {
    ALL(""),
    UNREAD(" and m.read_at is null"),
    UNKNOWN_NUMBER(" and not exists (select 1 from client_texts ct where ct.text_message_id = m.id)");

    private final String condition;

    IncomingFilter(String condition) {
        this.condition = condition;
    }

    /** An SQL condition on text_messages {@code m}, to append to the inbound condition. */
    String condition() {
        return condition;
    }
}
