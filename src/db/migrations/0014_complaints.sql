-- 投诉举报 (complaints): anyone reports dishonest conduct of a subject with evidence; the credit centre
-- assigns it to the responsible department with a deadline (default 15 working days); the outcome is
-- shown to the complainant by tracking number + query code. The complainant's identity is stored only
-- encrypted (*_enc, AES-256-GCM via FieldCrypto) and shown to nobody but the credit centre's admin
-- through an audited reveal.
create table complaints (
  id serial primary key,
  -- TS + China date + 8 random characters; unique, unguessable.
  tracking_number text not null unique,
  -- Keyed hash (FieldCrypto.blindIndex) of the secret query code the complainant keeps; never the code.
  query_code_hash text not null,
  subject_id bigint references subjects (id),
  subject_name text not null,
  subject_code text,
  category text not null check (category in ('fraud', 'contract', 'quality', 'wages', 'tax', 'false_advertising', 'other')),
  description text not null,
  complainant_name_enc text,
  complainant_phone_enc text,
  complainant_id_number_enc text,
  department_id int references departments (id),
  status text not null check (status in ('submitted', 'assigned', 'handling', 'concluded', 'rejected')),
  outcome text check (outcome in ('substantiated', 'unsubstantiated', 'partly')),
  result text,
  due_date date,
  submitted_at timestamptz not null,
  assigned_at timestamptz,
  concluded_at timestamptz,
  updated_at timestamptz not null,
  check ((status = 'concluded') = (outcome is not null)),
  check (status = 'submitted' or status = 'rejected' or department_id is not null)
);
create index complaints_department on complaints (department_id, id);
create index complaints_open on complaints (status, id) where status in ('submitted', 'assigned', 'handling');
create index complaints_subject on complaints (subject_id);

create table complaint_events (
  id serial primary key,
  complaint_id int not null references complaints (id),
  at timestamptz not null,
  from_status text,
  to_status text not null,
  reason text not null,
  actor_type text not null,
  actor_name text,
  department_id int
);
create index complaint_events_complaint on complaint_events (complaint_id, id);

-- Evidence: PDF, JPEG or PNG (checked by magic bytes), 10 MB at most each, 5 per complaint.
create table complaint_evidence (
  id serial primary key,
  complaint_id int not null references complaints (id),
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size int not null check (size > 0 and size <= 10485760),
  content bytea not null,
  created_at timestamptz not null
);
create index complaint_evidence_complaint on complaint_evidence (complaint_id);
