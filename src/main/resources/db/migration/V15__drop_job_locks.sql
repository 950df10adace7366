-- Status reconciliation, the last user of job_locks (V8), runs on the clustered scheduler (scheduled_tasks, V10) as a
-- recurring db-scheduler task since this version, so the home-made lock and its table are gone.
drop table if exists job_locks;
