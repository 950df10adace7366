-- A broad name search (issue 22: "Last123" matches 1,100 of 500,000 clients) read every match's row from the
-- table to sort them by name for a page of 25 and to count them: 1,110 pages of the table, one a match, which at
-- scale come from disk or the OS cache. These prefix indexes carry the names, the id and the caseworker, so that
-- the count and the page's order read the index alone (index-only scans: about 15 pages for 1,100 matches) and
-- only the page's 25 rows are read from the table. The names are included as they are, not lowered: PostgreSQL
-- uses an index alone only when it holds every column the query names (lower(last_name) names last_name).
-- They replace V9_1's prefix indexes, which have the same first column and would only slow down writes.
-- A walk of clients_name_order_idx that stops after 25 rows would need the prefix as a condition on that index,
-- which PostgreSQL allows for LIKE only under the C collation; the sort of 1,100 small keys costs about 1 ms.
create index clients_last_name_prefix_cover_idx on clients (lower(last_name) text_pattern_ops)
    include (last_name, first_name, id, caseworker_id);
create index clients_first_name_prefix_cover_idx on clients (lower(first_name) text_pattern_ops)
    include (first_name, last_name, id, caseworker_id);
drop index clients_last_name_prefix_idx;
drop index clients_first_name_prefix_idx;
