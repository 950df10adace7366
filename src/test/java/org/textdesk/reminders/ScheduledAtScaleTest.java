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
 * a time zone set by hand) and one with 3: the Scheduled page lists at most 200 with the same statements for both,
 * so nothing runs per row (issue 22).
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

    @Test
    void theScheduledPageRunsTheSameStatementsForTwoThousandTextsAsForThree() {
        SqlStatements.Counted<String> many = countedGet("/scheduled", casey);
        SqlStatements.Counted<String> few = countedGet("/scheduled", robin);
        assertThat(ROW.matcher(many.result()).results().count()).isEqualTo(200);
        assertThat(ROW.matcher(few.result()).results().count()).isEqualTo(3);
        // Waiting and held ones first, the soonest first (the later added first among equal times), then the others,
        // the most recent first: each state's first 200 are read on their own, and the page is the same as one
        // sort of them all.
        List<String> bodies = BODY.matcher(many.result()).results().map(match -> match.group(1)).toList();
        assertThat(bodies.subList(0, 5)).containsExactly("Please bring your ID (tie)", "Please bring your ID (23)",
                "Please bring your ID (46)", "Please bring your ID (50)", "Please bring your ID (69)");
        assertThat(bodies.subList(124, 129)).containsExactly("Please bring your ID (1978)",
                "Please bring your ID (2000)", "Please bring your ID (1999)", "Please bring your ID (1998)",
                "Please bring your ID (1997)");
        assertThat(bodies.get(199)).isEqualTo("Please bring your ID (1922)");
        assertThat(BODY.matcher(few.result()).results().map(match -> match.group(1)).toList()).containsExactly(
                "Please bring your ID (6000)", "Please bring your ID (5999)", "Please bring your ID (5998)");
        // The account, whether caseloads are restricted, the quiet hours window, the page's rows (clients, time
        // zones set by hand, authors and sent texts' statuses joined in), the navigation's two unread counts.
        assertThat(many.count()).as(String.join("\n", many.statements())).isEqualTo(6);
        assertThat(few.count()).as(String.join("\n", few.statements())).isEqualTo(6);

        // An admin's page: everyone's, 200 of 6,001 by the same order.
        SqlStatements.Counted<String> everyones = countedGet("/scheduled", newAdmin());
        assertThat(ROW.matcher(everyones.result()).results().count()).isEqualTo(200);
        assertThat(BODY.matcher(everyones.result()).results().map(match -> match.group(1)).limit(3).toList())
                .containsExactly("Please bring your ID (tie)", "Please bring your ID (23)", "Please bring your ID (46)");
        // one fewer: an admin sees every client, so whether caseloads are restricted is not read
        assertThat(everyones.count()).as(String.join("\n", everyones.statements())).isEqualTo(5);

        // Restricted caseloads: only the texts of casey's own clients (1-10), chosen within each state's first 200.
        jdbc.update("update clients set caseworker_id = ? where id <= 10", casey.getId());
        jdbc.update("insert into caseload_settings (id, restricted) values (1, true)"); // every table was emptied
        SqlStatements.Counted<String> restricted = countedGet("/scheduled", casey);
        assertThat(ROW.matcher(restricted.result()).results().count()).isEqualTo(70);
        // two more: whom casey covers for now, read for the page's scope and again for the navigation's count
        assertThat(restricted.count()).as(String.join("\n", restricted.statements())).isEqualTo(8);
    }
}
