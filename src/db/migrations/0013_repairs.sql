-- 信用修复 (credit repair): a subject or a department applies to end the publication of a credit record
-- (终止公示, 停止共享) or to take a list entry off its list after the minimum publication period
-- (STANDARDS.md §3). Materials (commitment letter, proof of correction) before it is submitted; the
-- source department reviews (3 working days), the credit centre decides (10 working days from filing).
-- A repaired record is kept (status 'repaired') but no public view shows it.
alter table records drop constraint records_status_check;
alter table records add constraint records_status_check check (status in ('active', 'withdrawn', 'repaired'));

create sequence repair_certificate_seq;

create table repairs (
  id serial primary key,
  target_kind text not null check (target_kind in ('record', 'list_entry')),
  record_id bigint references records (id),
  entry_id bigint references list_entries (id),
  subject_id bigint not null references subjects (id),
  applicant_kind text not null check (applicant_kind in ('subject', 'department', 'platform')),
  applicant_name text not null,
  applicant_user_id text,
  applicant_department_id int references departments (id),
  source_department_id int references departments (id),
  statement text not null,
  -- The first day repair could be applied for (minimum publication period), null when none applies.
  eligible_from date,
  status text not null check (status in ('submitted', 'department_review', 'platform_review', 'granted', 'refused')),
  department_due date,
  platform_due date not null,
  department_opinion text,
  department_decided_at timestamptz,
  decision text check (decision in ('granted', 'refused')),
  decision_reasons text,
  certificate_no text unique,
  filed_at timestamptz not null,
  submitted_at timestamptz,
  decided_at timestamptz,
  updated_at timestamptz not null,
  check ((target_kind = 'record') = (record_id is not null)),
  check ((target_kind = 'list_entry') = (entry_id is not null)),
  check ((status = 'granted') = (certificate_no is not null))
);
-- One open application per target.
create unique index repairs_open_record on repairs (record_id) where status in ('submitted', 'department_review', 'platform_review');
create unique index repairs_open_entry on repairs (entry_id) where status in ('submitted', 'department_review', 'platform_review');
create index repairs_subject on repairs (subject_id);
create index repairs_source on repairs (source_department_id);
create index repairs_open on repairs (status, id) where status in ('submitted', 'department_review', 'platform_review');

create table repair_events (
  id serial primary key,
  repair_id int not null references repairs (id),
  at timestamptz not null,
  from_status text,
  to_status text not null,
  reason text not null,
  actor_type text not null,
  actor_name text,
  department_id int
);
create index repair_events_repair on repair_events (repair_id, id);

-- Materials: 信用修复承诺书 (commitment), 整改证明 (proof), other; PDF, JPEG or PNG by magic bytes, 10 MB each.
create table repair_materials (
  id serial primary key,
  repair_id int not null references repairs (id),
  kind text not null check (kind in ('commitment', 'proof', 'other')),
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size int not null check (size > 0 and size <= 10485760),
  content bytea not null,
  uploaded_by text,
  created_at timestamptz not null
);
create index repair_materials_repair on repair_materials (repair_id);
