package org.textdesk.client;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.textdesk.cases.CaseRecord;

/**
 * The Clients list's one search box: a name (first, last, "first last" or "last, first", from the
 * start), a cell number in any formatting (whole or in part), or a case number (from the start).
 */
final class ClientSearch {

    static final int PAGE_SIZE = 25;

    /** Last name, then first name, regardless of capitals; the id keeps equal names in a stable order. */
    static final Sort ORDER = Sort.by(Sort.Order.asc("lastName").ignoreCase(),
            Sort.Order.asc("firstName").ignoreCase(), Sort.Order.asc("id"));

    private static final Pattern PHONE_TEXT = Pattern.compile("[0-9\\s().+\\-]+");
    private static final Pattern CASE_NUMBER_TEXT = Pattern.compile("[A-Z0-9\\-]+");
    private static final char ESCAPE = '\\';

    private ClientSearch() {
    }

    static Specification<Client> matching(String query) {
        String text = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return Specification.unrestricted();
        }
        return (root, criteria, builder) -> {
            List<Predicate> any = new ArrayList<>();
            String namePrefix = escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            Expression<String> first = builder.lower(root.get("firstName"));
            Expression<String> last = builder.lower(root.get("lastName"));
            any.add(builder.like(last, namePrefix, ESCAPE));
            any.add(builder.like(first, namePrefix, ESCAPE));
            any.add(builder.like(builder.concat(builder.concat(first, " "), last), namePrefix, ESCAPE));
            any.add(builder.like(builder.concat(builder.concat(last, " "), first), namePrefix, ESCAPE));
            any.add(builder.like(builder.concat(builder.concat(last, ", "), first), namePrefix, ESCAPE));
            cellDigits(text).ifPresent(digits -> any.add(digits.length() == 10
                    ? builder.equal(root.get("cellE164"), "+1" + digits)
                    : builder.like(root.get("cellE164"), "%" + digits + "%")));
            caseNumberPrefix(text).ifPresent(prefix -> any.add(builder.exists(casesOf(root, criteria, builder,
                    prefix))));
            return builder.or(any.toArray(Predicate[]::new));
        };
    }

    private static Subquery<Long> casesOf(Root<Client> client, CriteriaQuery<?> criteria, CriteriaBuilder builder,
            String prefix) {
        Subquery<Long> cases = criteria.subquery(Long.class);
        Root<CaseRecord> caseRecord = cases.from(CaseRecord.class);
        cases.select(caseRecord.get("id")).where(
                builder.equal(caseRecord.get("clientId"), client.get("id")),
                builder.like(caseRecord.get("caseNumber"), prefix + "%", ESCAPE));
        return cases;
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
