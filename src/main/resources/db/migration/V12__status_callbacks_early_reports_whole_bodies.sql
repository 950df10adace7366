-- Issue 15. Portable between PostgreSQL and H2 in PostgreSQL mode.

-- The exact Status Callback URL each text was sent with: Twilio signs that text's callbacks over it, whatever
-- TEXTDESK_PUBLIC_BASE_URL says later.
alter table text_messages add column status_callback_url varchar(2000);

-- An incoming body is kept whole: Twilio's 1,600 characters, where one emoji takes two UTF-16 units (H2 counts those).
alter table text_messages alter column body set data type varchar(3200);

-- Status reports for a SID TextDesk has not recorded yet (Twilio can call back before its answer to the send
-- arrives): kept, applied when the SID is recorded, expired after a few days.
create table early_status_reports (
    twilio_sid  varchar(64) not null,
    status      varchar(32) not null,
    error_code  varchar(10),
    reported_at timestamp with time zone,
    received_at timestamp with time zone not null,
    constraint early_status_reports_pk primary key (twilio_sid, status)
);
create index early_status_reports_received_idx on early_status_reports (received_at);
