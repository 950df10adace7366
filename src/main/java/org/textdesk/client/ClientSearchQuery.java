package org.textdesk.client;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * Runs a {@link ClientSearch}: how many clients match (one statement) and one page of them by name (one
 * statement, whole Client entities). Native SQL, because the search is a UNION, which the criteria API
 * cannot say.
 */
@Repository
class ClientSearchQuery {

    private final EntityManager entityManager;

    ClientSearchQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long count(ClientSearch search) {
        return count(search, null, ClientAccess.Scope.EVERY_CLIENT);
    }

    /** How many match, only among the caseworker's clients when {@code caseworkerId} is not null. */
    long count(ClientSearch search, Long caseworkerId, ClientAccess.Scope scope) {
        Query query = bind(entityManager.createNativeQuery(countSql(search, caseworkerId, scope)), search.parameters());
        if (caseworkerId != null) {
            query.setParameter("caseworker", caseworkerId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** At most {@code limit} matching clients from the {@code offset}-th, by last name then first name. */
    @SuppressWarnings("unchecked")
    List<Client> find(ClientSearch search, long offset, int limit) {
        return find(search, null, ClientAccess.Scope.EVERY_CLIENT, offset, limit);
    }

    /** As {@link #find(ClientSearch, long, int)}, only among the caseworker's clients when it is not null. */
    @SuppressWarnings("unchecked")
    List<Client> find(ClientSearch search, Long caseworkerId, ClientAccess.Scope scope, long offset, int limit) {
        Query query = entityManager.createNativeQuery(findSql(search, caseworkerId, scope), Client.class);
        bind(query, search.parameters()).setParameter("limit", limit).setParameter("offset", offset);
        if (caseworkerId != null) {
            query.setParameter("caseworker", caseworkerId);
        }
        return query.getResultList();
    }

    /**
     * "My clients": the caseworker's only (clients_caseworker_idx), a search or not; and only the clients this person
     * may see (restricted caseloads).
     */
    private static String mine(Long caseworkerId, ClientAccess.Scope scope) {
        return mine(caseworkerId, scope, "c");
    }

    private static String mine(Long caseworkerId, ClientAccess.Scope scope, String alias) {
        String mine = caseworkerId == null ? "" : " where " + alias + ".caseworker_id = :caseworker";
        if (scope.everyClient()) {
            return mine;
        }
        return (mine.isEmpty() ? " where " : mine + " and ") + scope.sqlOn(alias + ".caseworker_id");
    }

    /**
     * The matches' sort keys, which the prefix indexes carry (db/vendor/postgresql/V31_1): a broad search sorts
     * these for its page without reading each match's row from the table.
     */
    private static final String KEYS = "c.id, lower(c.last_name) as last_key, lower(c.first_name) as first_key,"
            + " c.caseworker_id";

    /**
     * One page of a non-empty search: the matches' keys sorted for the page (the order of {@link ClientSearch#ORDER},
     * on the same values), then the page's rows only. {@code where} filters the matches {@code m}.
     */
    private static String page(ClientSearch search, String where) {
        return "select c.* from clients c join (select m.id, m.last_key, m.first_key from (" + search.union(KEYS)
                + ") m" + where + " order by m.last_key, m.first_key, m.id limit :limit offset :offset) page"
                + " on page.id = c.id order by page.last_key, page.first_key, page.id";
    }

    static String countSql(ClientSearch search, Long caseworkerId, ClientAccess.Scope scope) {
        if (caseworkerId == null && scope.everyClient()) {
            return countSql(search);
        }
        String from = search.isEmpty() ? "clients c" : "(" + search.union("c.id, c.caseworker_id") + ") c";
        return "select count(*) from " + from + mine(caseworkerId, scope);
    }

    static String findSql(ClientSearch search, Long caseworkerId, ClientAccess.Scope scope) {
        if (caseworkerId == null && scope.everyClient()) {
            return findSql(search);
        }
        if (!search.isEmpty()) {
            return page(search, mine(caseworkerId, scope, "m"));
        }
        return "select c.* from clients c" + mine(caseworkerId, scope) + " " + ClientSearch.ORDER
                + " limit :limit offset :offset";
    }

    static String countSql(ClientSearch search) {
        return search.isEmpty() ? "select count(*) from clients"
                : "select count(*) from (" + search.union("c.id") + ") matching";
    }

    /** The page's SQL: the search's parameters, and :limit and :offset. */
    static String findSql(ClientSearch search) {
        if (!search.isEmpty()) {
            return page(search, "");
        }
        return "select c.* from clients c " + ClientSearch.ORDER + " limit :limit offset :offset";
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
