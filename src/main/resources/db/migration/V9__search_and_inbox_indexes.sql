-- The Incoming page's "Texts from unknown numbers" at scale (issue 8). Whether an incoming text is linked
-- to a client lives in client_texts; finding the few unlinked ones among millions by "not exists" reads
-- every incoming text. This column marks an incoming text linked to no client: set when it comes in from
-- a number no client has, cleared when it is attached to a client (the only two ways an incoming text
-- gets linked), so that page reads only those. The indexes are per database: db/vendor/{postgresql,h2}/V9_1.
alter table text_messages add column unknown_number boolean not null default false;

update text_messages set unknown_number = true
where direction = 'INBOUND'
  and not exists (select 1 from client_texts ct where ct.text_message_id = text_messages.id);
