package org.textdesk;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL's plan for a query with its parameters bound: for tests that prove a page's SQL reads a few
 * index entries rather than whole tables (a "Seq Scan on clients" in the plan is a page that slows down
 * with every client added). Run them after VACUUM ANALYZE of the tables, so the planner knows their sizes.
 */
public final class QueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueryPlans() {
    }

    /** The plan as EXPLAIN prints it. */
    public static String explain(JdbcTemplate jdbc, String sql, Object... arguments) {
        return String.join("\n", jdbc.queryForList("explain " + sql, String.class, arguments));
    }

    public static String explain(JdbcTemplate jdbc, String sql, Map<String, ?> parameters) {
        return String.join("\n", new NamedParameterJdbcTemplate(jdbc).queryForList("explain " + sql, parameters,
                String.class));
    }

    /**
     * Runs the query (EXPLAIN ANALYZE) and answers how many rows its scans read: rows returned plus rows a
     * filter removed, over every loop. An index in the plan is not enough; this is what a page costs.
     */
    public static long rowsRead(JdbcTemplate jdbc, String sql, Object... arguments) {
        String plan = jdbc.queryForObject("explain (analyze, format json) " + sql, String.class, arguments);
        return rowsRead(JSON.readTree(plan).get(0).get("Plan"));
    }

    private static long rowsRead(JsonNode node) {
        long read = 0;
        if (node.get("Node Type").asString().endsWith("Scan")) {
            double perLoop = node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
                    + node.path("Rows Removed by Index Recheck").asDouble();
            read += Math.round(perLoop * node.path("Actual Loops").asDouble());
        }
        for (JsonNode child : node.path("Plans")) {
            read += rowsRead(child);
        }
        return read;
    }
}
