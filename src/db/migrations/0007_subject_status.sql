-- A subject's registration status (登记状态: 存续, 吊销, 注销 …), derived from its records: the value of
-- the status item of the newest current, active record (by decision date, then id) of a topic that
-- declares one (catalog `statusItem`, e.g. 市场主体登记信息 DJXX). The ingest pipeline keeps it current,
-- one set-based statement per chunk of such a topic; `xinyong subject-status --rebuild` recomputes it
-- from the records with the same statement. Persons and subjects without such a record have none.
-- Nullable columns without a default: adding them rewrites nothing, however many subjects there are.
alter table subjects
  add column status text,
  add column status_date date,
  add column status_record_id bigint;
