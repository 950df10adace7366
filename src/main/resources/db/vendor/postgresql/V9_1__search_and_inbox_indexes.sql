-- Indexes for client search and the Incoming page at scale (issue 8) that only PostgreSQL can express
-- (expressions, operator classes, partial indexes, pg_trgm); H2, the small embedded default, gets
-- db/vendor/h2/V9_1 instead. The queries are the same on both.

-- Client search: a name from its start, regardless of capitals. text_pattern_ops lets LIKE 'abc%' use
-- the index whatever the database's collation.
create index clients_last_name_prefix_idx on clients (lower(last_name) text_pattern_ops);
create index clients_first_name_prefix_idx on clients (lower(first_name) text_pattern_ops);
-- The Clients list's order (last name, first name, regardless of capitals): a page without sorting them all.
create index clients_name_order_idx on clients (lower(last_name), lower(first_name), id);
-- A case number from its start.
create index cases_case_number_prefix_idx on cases (case_number varchar_pattern_ops);

-- A cell number in part ('%5387319%') needs trigrams. pg_trgm ships with PostgreSQL (contrib) and may be
-- created by a database owner since PostgreSQL 13; where it cannot be, that search reads every client
-- (as before) rather than stopping the application.
do $$
begin
    create extension if not exists pg_trgm;
exception when others then
    raise notice 'pg_trgm not available (%): a cell number in part is searched without an index', sqlerrm;
end $$;
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index clients_cell_e164_trgm_idx on clients using gin (cell_e164 gin_trgm_ops)';
    end if;
end $$;

-- Incoming: texts from unknown numbers, newest first (few among many).
create index text_messages_unknown_number_idx on text_messages (created_at, id)
    where direction = 'INBOUND' and unknown_number;

-- Unread incoming texts, few among many. The planner cannot tell how few (outgoing texts have no
-- read_at either), so without these it would walk every incoming text newest first, filtering, to find
-- old unread ones. By time: the Incoming page's unread texts, newest first, and the navigation's count.
create index text_messages_unread_time_idx on text_messages (created_at, id)
    where direction = 'INBOUND' and read_at is null;
-- By id: the Clients list's and a client record's "N unread" look each of a client's texts up here.
create index text_messages_unread_idx on text_messages (id) where direction = 'INBOUND' and read_at is null;
