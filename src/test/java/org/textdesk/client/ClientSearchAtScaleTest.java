package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.textdesk.IntegrationTest;
import org.textdesk.QueryPlans;
import org.textdesk.SqlStatements;
import org.textdesk.staff.Staff;

/**
 * 20,000 clients with 40,000 cases, shaped like the benchmark's (issue 8): every kind of search reads
 * indexes, never a whole table, and a search page runs the same few statements for 220 matches as for one.
 */
class ClientSearchAtScaleTest extends IntegrationTest {

    /**
     * Count, page, the page's texting summaries, the navigation's two unread counts (Incoming, My inbox), whether
     * caseloads are restricted (read once a request); and the account, re-read on every request
     * (staff.CurrentStaffFilter).
     */
    private static final int MAX_STATEMENTS = 7;

    Staff casey;

    @BeforeEach
    void twentyThousandClients() {
        casey = newCaseworker();
        // First1..First20000; Last0..Last999, 20 clients each; cells +1404500 0001..; cases B-1..B-40000.
        jdbc.update("""
                insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                                     okay_to_text, created_at, updated_at)
                select 'First' || g, 'Last' || (g % 1000), '404', '5' || lpad(((g / 10000) % 100)::text, 2, '0')
                    || '-' || lpad((g % 10000)::text, 4, '0'), '+14045' || lpad(((g / 10000) % 100)::text, 2, '0')
                    || lpad((g % 10000)::text, 4, '0'), true, true, now(), now()
                from generate_series(1, 20000) g""");
        jdbc.update("""
                insert into cases (case_number, client_id, title, opened_on)
                select 'B-' || g, (g - 1) % 20000 + 1, 'Case ' || g, current_date
                from generate_series(1, 40000) g""");
        jdbc.execute("vacuum analyze clients");
        jdbc.execute("vacuum analyze cases");
    }

    @Test
    void everySearchReadsIndexesNeverAWholeTable() {
        // A number of 3 to 9 digits is a cell number in part: its index needs pg_trgm, which migration V9_1 creates where
        // the database allows (the PostgreSQL of Maven artifacts, Debian's and the postgres image carry it).
        // Where it cannot, such a search reads every client, and only the other searches must use indexes.
        boolean trigrams = jdbc.queryForObject("select count(*) from pg_extension where extname = 'pg_trgm'",
                Integer.class) == 1;
        List<String> cellNumberInPart = List.of("500-1234", "1234");
        for (String query : List.of("Last123", "last12", "First77 Last77", "Last77, First77", "Last77 First",
                "404-500-1234", "(404) 5001234", "500-1234", "1234", "B-1234", "b-123", "nobody")) {
            ClientSearch search = ClientSearch.of(query);
            Map<String, Object> page = new HashMap<>(search.parameters());
            page.put("limit", ClientSearch.PAGE_SIZE);
            page.put("offset", 0);
            for (String plan : List.of(QueryPlans.explain(jdbc, ClientSearchQuery.countSql(search), page),
                    QueryPlans.explain(jdbc, ClientSearchQuery.findSql(search), page))) {
                if (trigrams || !cellNumberInPart.contains(query)) {
                    assertThat(plan).as(query).contains("Index")
                            .doesNotContain("Seq Scan on clients", "Seq Scan on cases");
                } else {
                    assertThat(plan).as(query).contains("Seq Scan on clients").doesNotContain("Seq Scan on cases");
                }
            }
        }
        // Every client, a page at a time: the name order is the index's, nothing to sort.
        String everyone = QueryPlans.explain(jdbc, ClientSearchQuery.findSql(ClientSearch.of("")),
                Map.of("limit", ClientSearch.PAGE_SIZE, "offset", 0));
        assertThat(everyone).contains("clients_name_order_idx").doesNotContain("Seq Scan on clients", "Sort");
    }

    @Test
    void aSearchPageRunsTheSameFewStatementsFor220MatchesAsForOne() {
        SqlStatements.Counted<String> many = get("/clients?show=all&q=Last12");
        SqlStatements.Counted<String> one = get("/clients?show=all&q=First20000");
        SqlStatements.Counted<String> deep = get("/clients?show=all&q=Last12&page=9");
        SqlStatements.Counted<String> byCase = get("/clients?show=all&q=B-3999");
        assertThat(ClientPagesTest.listedNames(many.result())).hasSize(25).first().isEqualTo("Last12, First10012");
        assertThat(many.result()).contains("220 clients match", "Page 1 of 9");
        assertThat(ClientPagesTest.listedNames(one.result())).containsExactly("Last0, First20000");
        assertThat(ClientPagesTest.listedNames(deep.result())).hasSize(20);
        assertThat(ClientPagesTest.listedNames(byCase.result())).hasSize(11);
        assertThat(many.count()).as(String.join("\n", many.statements())).isLessThanOrEqualTo(MAX_STATEMENTS)
                .isEqualTo(one.count()).isEqualTo(deep.count()).isEqualTo(byCase.count());
    }

    private SqlStatements.Counted<String> get(String uri) {
        return countedGet(uri, casey);
    }
}
