package org.textdesk.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Clients list's one search box: a name (first, last, "first last" or "last, first", from the
 * start), a cell number in any formatting (whole or in part), or a case number (from the start).
 *
 * <p>It reads as a UNION of small searches, each one an index lookup on PostgreSQL (db/vendor/postgresql/V9_1),
 * rather than one OR over every client: with an OR, one branch that no index serves (the cases of the
 * client, or "first last") makes the database read all the clients for every search. The SQL is the same
 * on H2, whose data is small.
 */
final class ClientSearch {

    static final int PAGE_SIZE = 25;

    /** Last name, then first name, regardless of capitals; the id keeps equal names in a stable order. */
    static final String ORDER = "order by lower(c.last_name), lower(c.first_name), c.id";

    private static final Pattern PHONE_TEXT = Pattern.compile("[0-9\\s().+\\-]+");
    private static final Pattern CASE_NUMBER_TEXT = Pattern.compile("[A-Z0-9\\-]+");
    private static final Pattern WORD_END = Pattern.compile("[ ,]");
    private static final String ESCAPE = " escape '\\'";

    private final List<String> searches = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private ClientSearch() {
    }

    /** The search for a query typed in the box; {@link #isEmpty()} for a blank one (every client). */
    static ClientSearch of(String query) {
        ClientSearch search = new ClientSearch();
        String text = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return search;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        search.parameters.put("name", escapeLike(lower) + "%");
        search.add("lower(c.last_name) like :name" + ESCAPE);
        search.add("lower(c.first_name) like :name" + ESCAPE);
        if (WORD_END.matcher(lower).find()) {
            // "first last" starts with the query's first word only if the first name does (likewise the last
            // name for "last first" and "last, first"): that word is the indexed part, the whole is checked after.
            search.parameters.put("firstWord", escapeLike(WORD_END.split(lower, 2)[0]) + "%");
            search.add("lower(c.first_name) like :firstWord" + ESCAPE
                    + " and lower(c.first_name) || ' ' || lower(c.last_name) like :name" + ESCAPE);
            search.add("lower(c.last_name) like :firstWord" + ESCAPE
                    + " and (lower(c.last_name) || ' ' || lower(c.first_name) like :name" + ESCAPE
                    + " or lower(c.last_name) || ', ' || lower(c.first_name) like :name" + ESCAPE + ")");
        }
        cellDigits(text).ifPresent(digits -> {
            if (digits.length() == 10) {
                search.parameters.put("cell", "+1" + digits);
                search.add("c.cell_e164 = :cell");
            } else {
                search.parameters.put("cellPart", "%" + digits + "%");
                search.add("c.cell_e164 like :cellPart");
            }
        });
        caseNumberPrefix(text).ifPresent(prefix -> {
            search.parameters.put("caseNumber", escapeLike(prefix) + "%");
            search.searches.add("select {columns} from clients c join cases k on k.client_id = c.id"
                    + " where k.case_number like :caseNumber" + ESCAPE);
        });
        return search;
    }

    private void add(String condition) {
        searches.add("select {columns} from clients c where " + condition);
    }

    boolean isEmpty() {
        return searches.isEmpty();
    }

    /**
     * The matching clients, each once: {@code columns} (of clients {@code c}) of every search, UNION (distinct).
     * Only for a non-empty search.
     */
    String union(String columns) {
        return String.join(" union ", searches).replace("{columns}", columns);
    }

    Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    /** The digits of a query that is a phone number or part of one (at least 3 digits). */
    static Optional<String> cellDigits(String text) {
        if (!PHONE_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits = digits.substring(1);
        }
        return digits.length() >= 3 && digits.length() <= 10 ? Optional.of(digits) : Optional.empty();
    }

    private static Optional<String> caseNumberPrefix(String text) {
        String caseNumber = text.replace(" ", "").toUpperCase(Locale.ROOT);
        return CASE_NUMBER_TEXT.matcher(caseNumber).matches() ? Optional.of(caseNumber) : Optional.empty();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
