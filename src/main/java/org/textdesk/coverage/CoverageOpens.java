package org.textdesk.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.texts.Sql;

/**
 * The record of every open of a client's texts by the colleague covering for the client's caseworker (who, when,
 * which client, covering for whom, which page), written as the page is opened and listed for admins.
 */
@Component
public class CoverageOpens {

    static final int PAGE_SIZE = 50;

    /** The pages that show a client's texts. */
    public enum Opened {
        CONVERSATION, TEXTS, RECORD
    }

    /** One line of the admin list. */
    record OpenRow(Instant openedAt, String staffName, String staffUsername, long clientId, String clientName,
            String coveringForName, Opened opened) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CoverageOpens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the open when the viewer covers now for the client's caseworker (one statement: the row is written
     * only then); an open by anyone else writes nothing.
     *
     * @return whether the open was through coverage (and so recorded)
     */
    public boolean recordIfCovering(long viewerId, long clientId, Opened opened) {
        Instant now = clock.instant();
        return jdbc.update("""
                insert into coverage_opens (staff_id, client_id, covering_for, opened, opened_at)
                select ?, c.id, c.caseworker_id, ?, ? from clients c join staff_away a on a.staff_id = c.caseworker_id
                where c.id = ? and a.covered_by = ? and a.away_from <= ? and a.away_until > ?""",
                viewerId, opened.name(), Sql.timestamp(now), clientId, viewerId, Sql.timestamp(now),
                Sql.timestamp(now)) > 0;
    }

    /** Page {@code number} (from 1) of the opens, newest first. */
    Page<OpenRow> page(int number) {
        long total = jdbc.queryForObject("select count(*) from coverage_opens", Long.class);
        List<OpenRow> rows = jdbc.query("""
                select o.opened_at, s.display_name, s.username, o.client_id, c.first_name, c.last_name,
                    f.display_name as covering_for, o.opened
                from coverage_opens o
                join staff s on s.id = o.staff_id
                join staff f on f.id = o.covering_for
                join clients c on c.id = o.client_id
                order by o.opened_at desc, o.id desc
                offset ? rows fetch first ? rows only""",
                (row, n) -> new OpenRow(Sql.instant(row, "opened_at"), row.getString("display_name"),
                        row.getString("username"), row.getLong("client_id"),
                        row.getString("first_name") + " " + row.getString("last_name"), row.getString("covering_for"),
                        Opened.valueOf(row.getString("opened"))),
                (long) (number - 1) * PAGE_SIZE, PAGE_SIZE);
        return new PageImpl<>(rows, PageRequest.of(number - 1, PAGE_SIZE), total);
    }
}
