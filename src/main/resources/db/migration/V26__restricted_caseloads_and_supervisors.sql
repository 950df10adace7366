-- Restricted caseloads and the SUPERVISOR role (issue 21 point 3). Portable between PostgreSQL and H2 in PostgreSQL
-- mode.

-- A supervisor sees every client and their texts, as an admin does, but changes no admin setting.
alter table staff drop constraint staff_role_check;
alter table staff add constraint staff_role_check check (role in ('ADMIN', 'SUPERVISOR', 'CASEWORKER'));

-- The admin's choice (one row, off until an admin turns it on): when restricted, a caseworker sees and texts only
-- their own clients and those of the colleagues away whom they cover for.
create table caseload_settings (
    id         integer primary key,
    restricted boolean not null,
    changed_by bigint references staff (id),
    changed_at timestamp with time zone,
    constraint caseload_settings_one_row check (id = 1)
);
insert into caseload_settings (id, restricted) values (1, false);
