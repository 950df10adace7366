-- Issue 15 point 5: Messaging Services. Portable between PostgreSQL and H2 in PostgreSQL mode.

-- Twilio Setup's optional Messaging Service (MG and 32 hexadecimal characters): when set, texts go out through it.
alter table twilio_settings add column messaging_service_sid varchar(34);

-- The Messaging Service a text went out through or came in by, as the send, its status callbacks or the incoming
-- webhook named it (null: none).
alter table text_messages add column messaging_service_sid varchar(34);

-- A status report kept before its text had its SID keeps the service it named, for when it is applied.
alter table early_status_reports add column messaging_service_sid varchar(34);
