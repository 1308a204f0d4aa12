-- Foundation: access, audit, outbox, catalogue, subjects, batches and versioned credit records.

create table departments (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z0-9_]{2,32}$'),
  name text not null,
  uscc text,
  kind text not null default 'department' check (kind in ('department', 'credit_centre')),
  active boolean not null default true,
  created_at timestamptz not null
);

create table users (
  id serial primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  department_id int references departments (id),
  roles text[] not null,
  active boolean not null default true,
  created_at timestamptz not null
);

create table api_tokens (
  id serial primary key,
  department_id int not null references departments (id),
  name text not null,
  token_hash text not null unique,
  token_prefix text not null,
  roles text[] not null,
  created_by int references users (id),
  created_at timestamptz not null,
  revoked_at timestamptz
);

create table sessions (
  token_hash text primary key,
  user_id int not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);

-- Every state change and every read of non-public data, written in the same transaction.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  actor_type text not null check (actor_type in ('user', 'token', 'system', 'public')),
  actor_id text,
  actor_name text,
  department_id int,
  action text not null,
  entity_type text not null,
  entity_id text,
  detail jsonb not null default '{}'
);
create index audit_log_entity on audit_log (entity_type, entity_id);
create index audit_log_at on audit_log (at);

-- Events others must hear about, written in the same transaction as the change (transactional outbox).
create table outbox (
  id bigserial primary key,
  created_at timestamptz not null,
  topic text not null,
  entity_key text not null,
  payload jsonb not null,
  delivered_at timestamptz
);
create index outbox_pending on outbox (id) where delivered_at is null;

-- 信用信息目录. A topic's definition is versioned: records keep the version they were validated against.
create table catalog_topics (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
  name text not null,
  category text not null check (category in
    ('basic', 'licence', 'penalty', 'red_list', 'black_list', 'watch_list', 'judicial', 'honour', 'commitment', 'other')),
  builtin boolean not null default false,
  current_version int not null,
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table catalog_topic_versions (
  topic_id int not null references catalog_topics (id),
  version int not null,
  definition jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  primary key (topic_id, version)
);

-- 信用主体.
create table subjects (
  id bigserial primary key,
  kind text not null check (kind in
    ('enterprise', 'individual_business', 'public_institution', 'social_organisation', 'government', 'natural_person', 'other')),
  name text not null,
  name_norm text not null,
  uscc text unique,
  region_code text,
  legal_rep_id bigint references subjects (id),
  -- Identity rests on the name alone (no code matched): a person should review it.
  identity_uncertain boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index subjects_name_norm on subjects (name_norm, region_code);

-- Every identifier a subject has ever had. Personal identifiers are keyed by a keyed hash (value_key) and
-- kept only encrypted (value_enc) and masked (value_masked); never in plain text.
create table subject_identifiers (
  kind text not null check (kind in
    ('uscc', 'org-code', 'reg-no', 'tax-no', 'institution-cert', 'social-org-cert', 'resident-id', 'other-id')),
  value_key text not null,
  subject_id bigint not null references subjects (id),
  value_enc text,
  value_masked text,
  first_seen timestamptz not null,
  primary key (kind, value_key)
);
create index subject_identifiers_subject on subject_identifiers (subject_id);

create table subject_names (
  subject_id bigint not null references subjects (id),
  name text not null,
  first_seen timestamptz not null,
  primary key (subject_id, name)
);

-- 批次.
create table batches (
  id bigserial primary key,
  department_id int not null references departments (id),
  topic_id int not null references catalog_topics (id),
  topic_version int not null,
  channel text not null check (channel in ('upload', 'api', 'cli')),
  format text not null check (format in ('csv', 'xlsx', 'json')),
  file_name text,
  file_sha256 text,
  file_bytes bigint,
  encoding text,
  status text not null check (status in ('processing', 'completed', 'failed', 'interrupted')),
  submitted_by text not null,
  received_at timestamptz not null,
  finished_at timestamptz,
  total_rows int not null default 0,
  created_count int not null default 0,
  updated_count int not null default 0,
  unchanged_count int not null default 0,
  rejected_count int not null default 0,
  late_count int not null default 0,
  completeness jsonb,
  error_code text,
  error_message text
);
create index batches_department on batches (department_id, id desc);

create table batch_errors (
  batch_id bigint not null references batches (id),
  row_no int not null,
  column_code text,
  column_name text,
  value text,
  severity text not null default 'error' check (severity in ('error', 'warning')),
  error_code text not null,
  message text not null
);
create index batch_errors_batch on batch_errors (batch_id, row_no);

-- 信用记录: one row per version; the current version of a business key is unique.
-- No foreign keys here: records are written only by the ingest pipeline, with ids it resolved in the
-- same transaction, and a foreign-key check row-locks the referenced subject for every record, which
-- made bulk loading several times slower (a subject can have thousands of records).
create table records (
  id bigserial primary key,
  topic_id int not null,
  topic_version int not null,
  business_key text not null,
  version int not null,
  is_current boolean not null,
  subject_id bigint not null,
  department_id int not null,
  batch_id bigint not null,
  source_row int not null,
  received_at timestamptz not null,
  decision_date date,
  publish_until date,
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  data jsonb not null,
  -- Personal fields of the record (ID numbers), encrypted; `data` holds only their masked form.
  data_enc text,
  content_hash text not null,
  timeliness_workdays int,
  late boolean,
  superseded_at timestamptz
);
create unique index records_current_key on records (topic_id, business_key) where is_current;
create index records_subject on records (subject_id);
