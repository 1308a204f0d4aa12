-- How an upheld objection against a credit record is remedied: 'withdraw' (撤销: the record stays off
-- every view, a re-submitted version too) or 'correct' (更正: the record is withdrawn now and the source
-- department's next, corrected version is published). Null for refused / rejected objections and for
-- list entries (an upheld objection revokes the entry).
alter table objections add column remedy text check (remedy in ('withdraw', 'correct'));
alter table objections add constraint objections_remedy_upheld check (remedy is null or decision = 'upheld');
