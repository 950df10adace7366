-- Read state per staff member (issue 19: "Opening the thread marks the client's texts read for me", unread counts
-- per caseworker). One row per (staff member, client), never one per text, so it stays small beside millions of
-- texts: the staff member has read the client's timeline up to and including the text at (through_created_at,
-- through_text_id), in the timeline's order (client_texts.created_at, then text_message_id). A later text of the
-- client is unread for them again. No row: that person's view is the office-wide mark (text_messages.read_at, "read
-- by anyone"), which the Incoming page keeps showing. See src/docs/architecture.md, "Read state".
-- Portable between PostgreSQL and H2 in PostgreSQL mode.
create table inbox_read_marks (
    staff_id           bigint not null references staff (id),
    client_id          bigint not null references clients (id),
    through_created_at timestamp with time zone not null,
    through_text_id    bigint not null,
    marked_at          timestamp with time zone not null,
    constraint inbox_read_marks_pk primary key (staff_id, client_id)
);
-- The primary key serves My inbox and its count (a caseworker's marks); this one a client's marks (the thread's
-- check whether its caseworker has one) and the foreign key to clients.
create index inbox_read_marks_client_idx on inbox_read_marks (client_id);
