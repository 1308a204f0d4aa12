-- 异议 (objections): a subject, a department or an upstream platform disputes a credit record or a
-- list entry. The credit centre accepts or refuses (default 2 working days), the source department
-- verifies (default 10 working days); upheld → the record is withdrawn / the entry revoked.
create table objections (
  id serial primary key,
  target_kind text not null check (target_kind in ('record', 'list_entry')),
  record_id bigint references records (id),
  entry_id bigint references list_entries (id),
  subject_id bigint not null references subjects (id),
  applicant_kind text not null check (applicant_kind in ('subject', 'department', 'upstream_platform')),
  applicant_name text not null,
  applicant_user_id text,
  applicant_department_id int references departments (id),
  reason_code text not null check (reason_code in
    ('wrong', 'missing', 'duplicate', 'should_not_be_public', 'past_period', 'differs_from_source')),
  reason_text text not null,
  -- At rest: submitted, verifying (accepted and sent to the source department), closed.
  status text not null check (status in ('submitted', 'accepted', 'refused', 'verifying', 'upheld', 'rejected', 'closed')),
  source_department_id int references departments (id),
  accept_due date not null,
  verify_due date,
  -- The list entry was suspended by this objection's acceptance (so rejection resumes it).
  entry_suspended boolean not null default false,
  decision text check (decision in ('refused', 'upheld', 'rejected')),
  decision_reasons text,
  submitted_at timestamptz not null,
  accepted_at timestamptz,
  decided_at timestamptz,
  updated_at timestamptz not null,
  check ((target_kind = 'record') = (record_id is not null)),
  check ((target_kind = 'list_entry') = (entry_id is not null))
);
-- One open objection per target.
create unique index objections_open_record on objections (record_id) where status in ('submitted', 'accepted', 'verifying');
create unique index objections_open_entry on objections (entry_id) where status in ('submitted', 'accepted', 'verifying');
create index objections_open on objections (status, id) where status in ('submitted', 'accepted', 'verifying');
create index objections_subject on objections (subject_id);
create index objections_source on objections (source_department_id);

create table objection_events (
  id serial primary key,
  objection_id int not null references objections (id),
  at timestamptz not null,
  from_status text,
  to_status text not null,
  reason text not null,
  actor_type text not null,
  actor_name text,
  department_id int
);
create index objection_events_objection on objection_events (objection_id, id);

-- Evidence: PDF, JPEG or PNG (checked by magic bytes), 10 MB at most each.
create table objection_evidence (
  id serial primary key,
  objection_id int not null references objections (id),
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size int not null check (size > 0 and size <= 10485760),
  content bytea not null,
  uploaded_by text,
  created_at timestamptz not null
);
create index objection_evidence_objection on objection_evidence (objection_id);
