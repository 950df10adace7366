-- A login guess is reserved (a login_failures row, checking = true) before its password is checked, under a
-- lock on the username's row below, so that parallel guesses on any number of instances cannot all pass the
-- "fewer than five within fifteen minutes" check before any of them is counted. A reservation whose password
-- was wrong becomes an ordinary failure (checking = false); a right one deletes it.
alter table login_failures add column checking boolean default false not null;

-- One row per username guessed at, locked while a guess is reserved; rows unused for 30 minutes are deleted.
create table login_throttle_keys (
    username         varchar(64) not null,
    last_reserved_at timestamp with time zone not null,
    constraint login_throttle_keys_pk primary key (username)
);
