-- When TextDesk last asked Twilio for a text's status (reconciliation and "Refresh status"), so texts that
-- stay "sent" for days (phone companies that never report delivery) are asked about less and less often.
-- Portable between PostgreSQL and H2 in PostgreSQL mode.
alter table text_messages add column status_checked_at timestamp with time zone;
