package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.textdesk.IntegrationTest;
import org.textdesk.SqlStatements;
import org.textdesk.staff.Staff;

/**
 * A caseworker with 2,000 scheduled texts among 6,000 (waiting, held, sent with their text, cancelled; clients with
 * a time zone set by hand) and one with 3: the Scheduled page lists 50 a page with the same statements for both and
 * on any page, so nothing runs per row (issue 22).
 */
class ScheduledAtScaleTest extends IntegrationTest {

    private static final Pattern BODY = Pattern.compile("class=\"message-body\"[^>]*>([^<]*)<");
    private static final Pattern ROW = Pattern.compile("data-scheduled-id=\"\\d+\"");

    Staff casey;
    Staff robin;
    Staff others;

    @BeforeEach
    void sixThousandScheduledTexts() {
        casey = newCaseworker();
        robin = newCaseworker();
        others = newCaseworker();
        jdbc.update("""
                insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe,
                                     okay_to_text, created_at, updated_at)
                select 'First' || g, 'Last' || g, '404', '500-' || lpad(g::text, 4, '0'),
                       '+1404500' || lpad(g::text, 4, '0'), true, true, now(), now()
                from generate_series(1, 300) g""");
        jdbc.update("""
                insert into client_time_zones (client_id, zone, changed_at)
                select id, 'America/Chicago', now() from clients where id % 4 = 0""");
        jdbc.update("""
                insert into text_messages (direction, client_id, to_number, from_number, body, status, status_rank,
                                           created_at, status_changed_at)
                select 'OUTBOUND', (g - 1) % 300 + 1, '+14045000001', '+14044764365', 'Sent ' || g, 'delivered', 3,
                       timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 hour',
                       timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 hour'
                from generate_series(1, 6000) g""");
        // Text g for client (g - 1) % 300 + 1 by casey (g <= 2000), others (2000 < g < 5998) or robin (the last 3):
        // every 50th waiting, every 23rd held, every 7th cancelled, the rest sent as text g.
        jdbc.update("""
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                                             created_at, updated_at, attempts, reason, message_id)
                select (g - 1) % 300 + 1, 'Please bring your ID (' || g || ')', due_at, state, false, 'key-' || g,
                       case when g <= 2000 then ? when g < 5998 then ? else ? end, due_at, due_at,
                       case when state = 'SENT' then 1 else 0 end,
                       case when state = 'HELD' then 'reminders.held.stopped' end,
                       case when state = 'SENT' then g end
                from (select g, timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 hour' as due_at,
                             case when g % 50 = 0 then 'SCHEDULED' when g % 23 = 0 then 'HELD'
                                  when g % 7 = 0 then 'CANCELLED' else 'SENT' end as state
                      from generate_series(1, 6000) g) s""", casey.getId(), others.getId(), robin.getId());
        // Due at the same time as casey's held text 23, added later: the later one first among equal times.
        jdbc.update("""
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                                             created_at, updated_at)
                select client_id, 'Please bring your ID (tie)', due_at, 'SCHEDULED', false, 'key-tie', created_by,
                       created_at, updated_at
                from scheduled_texts where send_key = 'key-23'""");
        jdbc.execute("analyze");
    }

    private static List<String> bodies(SqlStatements.Counted<String> page) {
        return BODY.matcher(page.result()).results().map(match -> match.group(1)).toList();
    }

    private static long rows(SqlStatements.Counted<String> page) {
        return ROW.matcher(page.result()).results().count();
    }

    @Test
    void theScheduledPageRunsTheSameStatementsForTwoThousandTextsAsForThree() {
        SqlStatements.Counted<String> many = countedGet("/scheduled", casey);
        SqlStatements.Counted<String> few = countedGet("/scheduled", robin);
        assertThat(rows(many)).isEqualTo(50);
        // 2,001 texts: counted up to 1,000, and pages on
        assertThat(many.result()).contains("More than 1,000 texts", "href=\"/scheduled?page=2\"", ">Next page<");
        assertThat(rows(few)).isEqualTo(3);
        assertThat(few.result()).contains("3 texts").doesNotContain("?page=2");
        // Waiting and held ones first, the soonest first (the later added first among equal times), then the others,
        // the most recent first: each state's first rows up to the page's end are read on their own, and the page is
        // the same as one sort of them all.
        assertThat(bodies(many).subList(0, 5)).containsExactly("Please bring your ID (tie)",
                "Please bring your ID (23)", "Please bring your ID (46)", "Please bring your ID (50)",
                "Please bring your ID (69)");
        SqlStatements.Counted<String> third = countedGet("/scheduled?page=3", casey);
        assertThat(bodies(third).subList(24, 29)).containsExactly("Please bring your ID (1978)",
                "Please bring your ID (2000)", "Please bring your ID (1999)", "Please bring your ID (1998)",
                "Please bring your ID (1997)");
        assertThat(third.result()).contains("href=\"/scheduled?page=2\"", ">Earlier page<", "Page 3");
        SqlStatements.Counted<String> fourth = countedGet("/scheduled?page=4", casey);
        assertThat(bodies(fourth)).hasSize(50).last().isEqualTo("Please bring your ID (1922)");
        assertThat(bodies(few)).containsExactly(
                "Please bring your ID (6000)", "Please bring your ID (5999)", "Please bring your ID (5998)");
        // The account, whether caseloads are restricted, the quiet hours window, the count (up to 1,000 ahead), the
        // page's rows (clients, time zones set by hand, authors and sent texts' statuses joined in), the navigation's
        // two unread counts: the same on a deep page.
        assertThat(many.count()).as(String.join("\n", many.statements())).isEqualTo(7);
        assertThat(few.count()).as(String.join("\n", few.statements())).isEqualTo(7);
        assertThat(fourth.count()).as(String.join("\n", fourth.statements())).isEqualTo(7);

        // An admin's page: everyone's, by the same order.
        SqlStatements.Counted<String> everyones = countedGet("/scheduled", newAdmin());
        assertThat(rows(everyones)).isEqualTo(50);
        assertThat(bodies(everyones).subList(0, 3)).containsExactly("Please bring your ID (tie)",
                "Please bring your ID (23)", "Please bring your ID (46)");
        // one fewer: an admin sees every client, so whether caseloads are restricted is not read
        assertThat(everyones.count()).as(String.join("\n", everyones.statements())).isEqualTo(6);

        // Restricted caseloads: only the texts of casey's own clients (1-10), counted and paged within them.
        jdbc.update("update clients set caseworker_id = ? where id <= 10", casey.getId());
        jdbc.update("insert into caseload_settings (id, restricted) values (1, true)"); // every table was emptied
        SqlStatements.Counted<String> restricted = countedGet("/scheduled", casey);
        assertThat(rows(restricted)).isEqualTo(50);
        assertThat(restricted.result()).contains("70 texts", "Page 1 of 2");
        // two more: whom casey covers for now, read for the page's scope and again for the navigation's count
        assertThat(restricted.count()).as(String.join("\n", restricted.statements())).isEqualTo(9);
        assertThat(rows(countedGet("/scheduled?page=2", casey))).isEqualTo(20);
        // past the end: the last page; not a page number: the first
        assertThat(rows(countedGet("/scheduled?page=999", casey))).isEqualTo(20);
        assertThat(rows(countedGet("/scheduled?page=abc", casey))).isEqualTo(50);
        assertThat(rows(countedGet("/scheduled?page=-1", casey))).isEqualTo(50);
    }
}
