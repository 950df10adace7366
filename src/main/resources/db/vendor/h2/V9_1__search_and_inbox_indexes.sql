-- The embedded default's counterpart of db/vendor/postgresql/V9_1: H2 has no expression or partial
-- indexes, and its data is small, so only the Incoming page's texts from unknown numbers get one.
create index text_messages_unknown_number_idx on text_messages (unknown_number, created_at, id);
