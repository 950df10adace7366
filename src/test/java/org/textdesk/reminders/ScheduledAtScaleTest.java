package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;

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
        // every fifth waiting, every 23rd held, every 7th cancelled, the rest sent as text g.
        jdbc.update("""
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                                             created_at, updated_at, attempts, reason, message_id)
                select (g - 1) % 300 + 1, 'Please bring your ID (' || g || ')', due_at, state, false, 'key-' || g,
                       case when g <= 2000 then ? when g < 5998 then ? else ? end, due_at, due_at,
                       case when state = 'SENT' then 1 else 0 end,
                       case when state = 'HELD' then 'reminders.held.stopped' end,
                       case when state = 'SENT' then g end
                from (select g, timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 hour' as due_at,
                             case when g % 5 = 0 then 'SCHEDULED' when g % 23 = 0 then 'HELD'
                                  when g % 7 = 0 then 'CANCELLED' else 'SENT' end as state
                      from generate_series(1, 6000) g) s""", casey.getId(), others.getId(), robin.getId());
        jdbc.execute("analyze");
    }

    @Test
    void theScheduledPageRunsTheSameStatementsForTwoThousandTextsAsForThree() {
        SqlStatements.Counted<String> many = countedGet("/scheduled", casey);
        SqlStatements.Counted<String> few = countedGet("/scheduled", robin);
        assertThat(ROW.matcher(many.result()).results().count()).isEqualTo(200);
        assertThat(ROW.matcher(few.result()).results().count()).isEqualTo(3);
        // The account, whether caseloads are restricted, the quiet hours window, the page's rows (clients, time
        // zones set by hand, authors and sent texts' statuses joined in), the navigation's two unread counts.
        assertThat(many.count()).as(String.join("\n", many.statements())).isEqualTo(6);
        assertThat(few.count()).as(String.join("\n", few.statements())).isEqualTo(6);
    }
}
