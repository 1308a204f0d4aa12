-- 信用承诺 (credit commitments, STANDARDS.md §6): a subject's written promise for a matter, signed online
-- by its own account or on paper (registered by the accepting department with the signed file). The
-- accepting department records whether it was kept; a broken one becomes a dishonesty record of the
-- built-in topic XYCN_WY (违背信用承诺), written in the same transaction through a one-row batch of
-- channel 'case' (the records keep their provenance: department, batch, time).
alter table batches drop constraint batches_channel_check;
alter table batches add constraint batches_channel_check check (channel in ('upload', 'api', 'cli', 'case'));

create table commitments (
  id serial primary key,
  -- approval_substitute 审批替代型（告知承诺）, tolerance 容缺受理, voluntary 主动型, industry 行业自律型, repair 信用修复型.
  type text not null check (type in ('approval_substitute', 'tolerance', 'voluntary', 'industry', 'repair')),
  subject_id bigint not null references subjects (id),
  matter_code text not null references matters (code),
  -- The concrete matter (食品经营许可证新办, 建筑施工企业资质延续 …).
  matter_detail text not null,
  content text not null,
  signed_via text not null check (signed_via in ('online', 'upload')),
  signer_name text not null,
  signed_by_user_id text,
  -- The accepting department (受理部门): it records whether the promise was kept.
  department_id int not null references departments (id),
  repair_id int references repairs (id),
  signed_on date not null,
  -- 履约期限: after it the commitment is flagged for verification; null when open-ended (主动型, 行业自律型).
  due_date date,
  status text not null check (status in ('signed', 'kept', 'broken', 'revoked')),
  -- The signed paper (PDF, JPEG or PNG by magic bytes, 10 MB): never shown to the public.
  file_name text,
  file_content_type text check (file_content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  file_size int check (file_size > 0 and file_size <= 10485760),
  file_content bytea,
  verdict_reason text,
  verdict_by text,
  verdict_department_id int references departments (id),
  verdict_at timestamptz,
  -- The dishonesty record a breach created.
  breach_record_id bigint references records (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'broken') = (breach_record_id is not null)),
  check ((status = 'signed') = (verdict_at is null)),
  check ((file_content is null) = (file_name is null)),
  check (due_date is null or due_date >= signed_on)
);
create index commitments_subject on commitments (subject_id, id desc);
create index commitments_department on commitments (department_id, id desc);
create index commitments_open on commitments (due_date) where status = 'signed';

create table commitment_events (
  id serial primary key,
  commitment_id int not null references commitments (id),
  at timestamptz not null,
  from_status text,
  to_status text not null,
  reason text not null,
  actor_type text not null,
  actor_name text,
  department_id int
);
create index commitment_events_commitment on commitment_events (commitment_id, id);
