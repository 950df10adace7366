package org.textdesk.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every CSV export and printable page of a case's texts that staff opened (who, when, which case
 * and client), written before the export is served, and listed for admins newest first.
 */
@Component
public class ExportRecords {

    static final int PAGE_SIZE = 50;

    /** What was opened. */
    public enum Kind {
        CSV, PRINT
    }

    /** One line of the admin list. */
    record ExportRecord(Instant openedAt, String staffName, String staffUsername, Kind kind, long caseId,
            String caseNumber, Long clientId, String clientName) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExportRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the staff member opened the case's texts as {@code kind}; call before serving them. */
    public void record(long staffId, Kind kind, long caseId, Long clientId) {
        jdbc.update("insert into export_records (staff_id, opened_at, kind, case_id, client_id) values (?, ?, ?, ?, ?)",
                staffId, clock.instant().atOffset(ZoneOffset.UTC), kind.name(), caseId, clientId);
    }

    /** Page {@code number} (from 1) of the records, newest first. */
    Page<ExportRecord> page(int number) {
        long total = jdbc.queryForObject("select count(*) from export_records", Long.class);
        List<ExportRecord> records = jdbc.query("""
                select e.opened_at, s.display_name, s.username, e.kind, e.case_id, c.case_number, e.client_id,
                    cl.first_name, cl.last_name
                from export_records e
                join staff s on s.id = e.staff_id
                join cases c on c.id = e.case_id
                left join clients cl on cl.id = e.client_id
                order by e.opened_at desc, e.id desc
                offset ? rows fetch first ? rows only""",
                (row, n) -> new ExportRecord(row.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        row.getString(2), row.getString(3), Kind.valueOf(row.getString(4)), row.getLong(5),
                        row.getString(6), (Long) row.getObject(7, Long.class),
                        row.getString(8) == null ? null : row.getString(8) + " " + row.getString(9)),
                (long) (number - 1) * PAGE_SIZE, PAGE_SIZE);
        return new PageImpl<>(records, PageRequest.of(number - 1, PAGE_SIZE), total);
    }
}
