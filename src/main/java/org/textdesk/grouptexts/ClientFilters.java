package org.textdesk.grouptexts;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.textdesk.staff.StaffPrincipal;

/**
 * The filters of clients by caseload and case. The rule: a caseworker texts their own clients; only an admin may
 * choose another caseworker's clients or every client with an open case.
 */
@Configuration(proxyBeanMethods = false)
class ClientFilters {

    static final String MY_CLIENTS = "my-clients";
    static final String CASEWORKER_CLIENTS = "caseworker-clients";
    static final String OPEN_CASE = "open-case";

    @Bean
    RecipientFilter myClientsFilter(JdbcTemplate jdbc) {
        return new SqlFilter(MY_CLIENTS, "groupTexts.filter.my-clients", RecipientFilter.Argument.NONE, false,
                choice -> jdbc.queryForList("select id from clients where caseworker_id = ? order by id", Long.class,
                        choice.staff().id()));
    }

    @Bean
    RecipientFilter caseworkerClientsFilter(JdbcTemplate jdbc) {
        return new SqlFilter(CASEWORKER_CLIENTS, "groupTexts.filter.caseworker-clients",
                RecipientFilter.Argument.CASEWORKER, true,
                choice -> jdbc.queryForList("select id from clients where caseworker_id = ? order by id", Long.class,
                        choice.caseworkerId()));
    }

    @Bean
    RecipientFilter openCaseFilter(JdbcTemplate jdbc) {
        return new SqlFilter(OPEN_CASE, "groupTexts.filter.open-case", RecipientFilter.Argument.NONE, true,
                choice -> jdbc.queryForList("""
                        select c.id from clients c
                        where exists (select 1 from cases k where k.client_id = c.id and k.closed_on is null)
                        order by c.id""", Long.class));
    }

    /** A filter that is one query. */
    private record SqlFilter(String key, String labelKey, Argument argument, boolean adminsOnly, Query query)
            implements RecipientFilter {

        @Override
        public boolean allowedFor(StaffPrincipal staff) {
            return !adminsOnly || staff.isAdmin();
        }

        @Override
        public List<Long> clientIds(FilterChoice choice) {
            return query.clientIds(choice);
        }
    }

    @FunctionalInterface
    private interface Query {
        List<Long> clientIds(FilterChoice choice);
    }
}
