package org.textdesk.texting;

/** Which incoming texts the Incoming page lists. */
enum IncomingFilter {
    ALL(""),
    UNREAD(" and m.read_at is null"),
    // unknown_number narrows the search to the few texts that came in unlinked (a partial index on
    // PostgreSQL); having no client link stays the rule, so a text linked meanwhile is never listed.
    UNKNOWN_NUMBER(" and m.unknown_number = true"
            + " and not exists (select 1 from client_texts ct where ct.text_message_id = m.id)");

    private final String condition;

    IncomingFilter(String condition) {
        this.condition = condition;
    }

    /** An SQL condition on text_messages {@code m}, to append to the inbound condition. */
    String condition() {
        return condition;
    }
}
