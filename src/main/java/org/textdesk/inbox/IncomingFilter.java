package org.textdesk.inbox;

/** Which incoming texts the Incoming page lists. */
enum IncomingFilter {
    ALL(""),
    UNREAD(" and m.read_at is null"),
    // Linked to no client: unknown_number says so (set when the text came in, cleared when it is attached)
    // and has a partial index on PostgreSQL. Not "not exists (client_texts...)": that reads every incoming
    // text to find the few, and even beside the flag it makes the planner expect almost none and sort them all.
    UNKNOWN_NUMBER(" and m.unknown_number = true");

    private final String condition;

    IncomingFilter(String condition) {
        this.condition = condition;
    }

    /** An SQL condition on text_messages {@code m}, to append to the inbound condition. */
    String condition() {
        return condition;
    }
}
