-- db-scheduler's table (com.github.kagkarlsson:db-scheduler 16.x): every background task waiting to run, each
-- picked by one instance at a time (SchedulerConfiguration). Its PostgreSQL DDL, with varchar instead of text
-- for the key columns because H2 (the embedded default) cannot index text.
create table scheduled_tasks (
    task_name            varchar(100)  not null,
    task_instance        varchar(200)  not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean       not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint        not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- The built-in Twilio sandbox's own record of messages, as Twilio keeps it: what TextDesk created through its
-- REST API (direction outbound-api) and what the simulated phones sent (inbound), with at most one picture.
create table sandbox_messages (
    sid                   varchar(34)   primary key,
    account_sid           varchar(34)   not null,
    direction             varchar(16)   not null,
    to_number             varchar(20)   not null,
    from_number           varchar(20)   not null,
    body                  varchar(1600) not null,
    status                varchar(16)   not null,
    status_step           integer       not null,
    error_code            integer,
    num_segments          integer       not null,
    status_callback       varchar(2000),
    messaging_service_sid varchar(34),
    media_sid             varchar(34),
    media_content_type    varchar(64),
    media_name            varchar(64),
    date_created          timestamp with time zone not null,
    date_updated          timestamp with time zone not null,
    date_sent             timestamp with time zone
);
create index sandbox_messages_to_idx on sandbox_messages (to_number, date_created);
create index sandbox_messages_from_idx on sandbox_messages (from_number, date_created);
