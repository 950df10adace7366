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
        return ((Number) bind(entityManager.createNativeQuery(countSql(search)), search.parameters())
                .getSingleResult()).longValue();
    }

    /** At most {@code limit} matching clients from the {@code offset}-th, by last name then first name. */
    @SuppressWarnings("unchecked")
    List<Client> find(ClientSearch search, long offset, int limit) {
        Query query = entityManager.createNativeQuery(findSql(search), Client.class);
        bind(query, search.parameters()).setParameter("limit", limit).setParameter("offset", offset);
        return query.getResultList();
    }

    static String countSql(ClientSearch search) {
        return search.isEmpty() ? "select count(*) from clients"
                : "select count(*) from (" + search.union("c.id") + ") matching";
    }

    /** The page's SQL: the search's parameters, and :limit and :offset. */
    static String findSql(ClientSearch search) {
        String from = search.isEmpty() ? "clients c" : "(" + search.union("c.*") + ") c";
        return "select c.* from " + from + " " + ClientSearch.ORDER + " limit :limit offset :offset";
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
