-- Scheduled jobs that must run on one instance at a time take a row here for as long as they run.
create table job_locks (
    name         varchar(64)  primary key,
    locked_until timestamp with time zone not null,
    locked_by    varchar(64)  not null
);
