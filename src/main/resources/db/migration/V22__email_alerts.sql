-- Email alerts (issue 21 point 2). Portable between PostgreSQL and H2 in PostgreSQL mode.

-- A staff member's own email address (null: none given), set on My settings.
alter table staff add column email varchar(254);

-- A caseworker's alert choice: an email when a text from one of their clients has waited unread more than
-- after_hours hours (no row: off). last_sent_at is when the last alert went out: the job claims a send by
-- moving it forward in one conditional update, so two instances or a retry never send twice in an hour.
create table email_alerts (
    staff_id     bigint primary key references staff (id),
    after_hours  integer not null,
    last_sent_at timestamp with time zone,
    constraint email_alerts_after_hours_check check (after_hours in (1, 2, 4, 8, 24))
);
