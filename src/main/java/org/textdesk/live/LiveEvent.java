package org.textdesk.live;

/**
 * Something an open page may show has changed: only what it is and the ids of what it is about, never a body, a
 * name or a number. The page fetches what it shows again over plain HTTP, through the routes' own access checks.
 *
 * @param kind         what changed
 * @param clientId     the client whose thread shows it, or null (a text from an unknown number); only the streams of
 *                     that client's conversation get its status and picture events
 * @param messageId    the text, or null
 * @param caseworkerId the client's caseworker (whose My inbox counts it), or null; for {@link Kind#READ}, the staff
 *                     member who read (only their counts change)
 */
public record LiveEvent(Kind kind, Long clientId, Long messageId, Long caseworkerId) {

    /** The kinds of change, as the pages' script knows them. */
    public enum Kind {
        /** A text came in. */
        INCOMING,
        /** A text's status moved (or a new one was recorded). */
        STATUS,
        /** A picture of an incoming text was fetched (or given up). */
        PICTURE,
        /** A staff member opened a client's texts: their own counts changed (per-person read state). */
        READ,
        /** Events may have been missed (the listener was away): every page refreshes what it shows. */
        RESYNC;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static LiveEvent incoming(long messageId, Long clientId, Long caseworkerId) {
        return new LiveEvent(Kind.INCOMING, clientId, messageId, caseworkerId);
    }

    public static LiveEvent status(long messageId, Long clientId) {
        return new LiveEvent(Kind.STATUS, clientId, messageId, null);
    }

    /** A picture of a text linked to this client (one event per client the text is linked to). */
    public static LiveEvent picture(long messageId, long clientId) {
        return new LiveEvent(Kind.PICTURE, clientId, messageId, null);
    }

    /** The staff member read the client's texts: the streams of that staff member say {@code mine}. */
    public static LiveEvent read(long clientId, long staffId) {
        return new LiveEvent(Kind.READ, clientId, null, staffId);
    }

    static LiveEvent resync() {
        return new LiveEvent(Kind.RESYNC, null, null, null);
    }

    /** The NOTIFY payload: {@code kind:clientId:messageId:caseworkerId}, empty for none. */
    String payload() {
        return kind.name() + ":" + text(clientId) + ":" + text(messageId) + ":" + text(caseworkerId);
    }

    /** The event of a NOTIFY payload; null for one this version does not read. */
    static LiveEvent fromPayload(String payload) {
        String[] parts = payload.split(":", -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            return new LiveEvent(Kind.valueOf(parts[0]), id(parts[1]), id(parts[2]), id(parts[3]));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** What one stream of staff member {@code staffId} is sent: ids only, and whether the client is theirs. */
    String json(long staffId) {
        StringBuilder json = new StringBuilder("{\"kind\":\"").append(kind.wireName()).append('"');
        if (clientId != null) {
            json.append(",\"clientId\":").append(clientId);
        }
        if (messageId != null) {
            json.append(",\"messageId\":").append(messageId);
        }
        json.append(",\"mine\":").append(caseworkerId != null && caseworkerId == staffId);
        return json.append('}').toString();
    }

    private static String text(Long id) {
        return id == null ? "" : id.toString();
    }

    private static Long id(String text) {
        return text.isEmpty() ? null : Long.valueOf(text);
    }
}
