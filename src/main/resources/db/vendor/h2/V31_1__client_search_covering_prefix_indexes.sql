-- The embedded default's counterpart of db/vendor/postgresql/V31_1: H2 has no expression indexes and its data is
-- small, so nothing changes; this file keeps the two databases' migration histories alike.
select 1;
