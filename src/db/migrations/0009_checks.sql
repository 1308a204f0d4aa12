-- 应查必查 credit checks (src/checks/).

-- Checking a natural person also reads the entries of the organisations it represents (落实到人).
create index subjects_legal_rep on subjects (legal_rep_id) where legal_rep_id is not null;

-- 查询使用登记: the credit centre's and auditors' log, newest first; a batch's rows together.
create index checks_at on checks (at desc, id desc);
create index checks_batch on checks (batch_id) where batch_id is not null;
