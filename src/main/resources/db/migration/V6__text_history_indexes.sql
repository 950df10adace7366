-- Indexes for the Texts, Incoming and client pages (issue 7).
-- The last text sent to each client of a page (clients list and record: flagged when it failed).
create index text_messages_client_outbound_idx on text_messages (client_id, direction, created_at, id);
-- The Incoming page: incoming texts newest first.
create index text_messages_direction_time_idx on text_messages (direction, created_at, id);
