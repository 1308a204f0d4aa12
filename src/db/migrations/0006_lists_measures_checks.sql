-- 名单 (red/black/watch lists), 措施清单 (measures), 联合奖惩 joint tasks, 应查必查 credit checks.

-- A list type: what a list is, on what legal basis, who lists, how one gets on and off it.
-- 国办发〔2020〕49号: a list exists only on a basis of law, regulation or a central document, so an
-- active list type must cite at least one legal basis (checked here and by the module, with a message).
create table list_types (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
  name text not null,
  -- red 红名单 (Credit China code 2), watch 重点关注名单 (4), black 黑名单 (8).
  kind text not null check (kind in ('red', 'black', 'watch')),
  -- [{ "title": "…", "article": "第…条", "docNo": "…" }]
  legal_basis jsonb not null default '[]',
  authority text not null,
  authority_department_id int references departments (id),
  criteria text not null,
  exit_conditions text not null,
  remedies text not null,
  -- Months an entry lasts unless ended earlier; null: until its exit conditions are met.
  default_duration_months int check (default_duration_months is null or default_duration_months > 0),
  -- Working days the subject has to object between notice and listing (0: listed at once, e.g. a court's
  -- final decision that already went through its own procedure).
  notice_workdays int not null default 5 check (notice_workdays >= 0),
  -- 严重失信主体名单: excludes 告知承诺 and drives the heaviest measures.
  serious boolean not null default false,
  -- Whether natural persons on this list are public (失信被执行人), with the ID masked.
  publish_persons boolean not null default false,
  -- Whether minors may be listed (法释〔2017〕7号: never for 失信被执行人).
  minors_excluded boolean not null default true,
  status text not null check (status in ('draft', 'active', 'retired')),
  builtin boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (status <> 'active' or jsonb_array_length(legal_basis) > 0)
);

-- A subject on a list. Lifecycle: proposed → notified → active ⇄ suspended → exited | expired | repaired
-- | revoked (the listing authority took it back) | withdrawn (never became active).
create table list_entries (
  id bigserial primary key,
  list_type_id int not null references list_types (id),
  subject_id bigint not null references subjects (id),
  status text not null check (status in
    ('proposed', 'notified', 'active', 'suspended', 'exited', 'expired', 'repaired', 'revoked', 'withdrawn')),
  source text not null check (source in ('console', 'api', 'file', 'rule', 'court_sync')),
  -- The source's own key (a court case number, a department's decision id): unique among live entries.
  source_key text,
  department_id int references departments (id),
  decision_no text,
  decision_date date,
  reasons text not null,
  -- The legal basis this decision cites (besides its list type's).
  basis text,
  notified_at timestamptz,
  objection_until date,
  effective_from date,
  -- Last day the entry is in force; the day after, it is expired whether or not the sweep has run.
  expires_on date,
  ended_at timestamptz,
  end_reason text,
  rule_code text,
  data jsonb not null default '{}',
  -- Personal fields of `data` (a court feed's cardNum), encrypted.
  data_enc text,
  content_hash text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index list_entries_subject on list_entries (subject_id) where status in ('active', 'suspended');
create index list_entries_type_status on list_entries (list_type_id, status);
create unique index list_entries_live_key on list_entries (list_type_id, source_key)
  where source_key is not null and status in ('proposed', 'notified', 'active', 'suspended');
create index list_entries_expiring on list_entries (expires_on) where status in ('active', 'suspended');

-- Every transition of an entry, with its reason.
create table list_entry_events (
  id bigserial primary key,
  entry_id bigint not null references list_entries (id),
  at timestamptz not null,
  from_status text,
  to_status text not null,
  reason text not null,
  actor_type text not null,
  actor_name text,
  department_id int
);
create index list_entry_events_entry on list_entry_events (entry_id, id);

-- Warnings a rule has given (e.g. 60 days before 经营异常名录 becomes 严重违法失信名单), once each.
create table list_rule_warnings (
  rule_code text not null,
  entry_id bigint not null references list_entries (id),
  warned_at timestamptz not null,
  due_on date not null,
  primary key (rule_code, entry_id)
);

-- 事项: what a check asks about (政府采购, 招标投标 …).
create table matters (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name text not null,
  active boolean not null default true,
  builtin boolean not null default false
);

-- 措施清单.
create table measures (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
  name text not null,
  content text not null,
  kind text not null check (kind in ('punishment', 'incentive')),
  strength text not null check (strength in
    ('prohibit', 'restrict', 'supervise', 'reference', 'fast_track', 'accept_missing', 'fewer_inspections', 'bonus_points')),
  legal_basis jsonb not null check (jsonb_array_length(legal_basis) > 0),
  matters text[] not null,
  -- Whom it binds: the subject itself, and for an organisation its people (落实到人).
  binds text[] not null,
  -- Working days an implementing department has to answer a joint task.
  response_workdays int not null default 10 check (response_workdays > 0),
  active boolean not null default true,
  builtin boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table measure_list_types (
  measure_id int not null references measures (id),
  list_type_id int not null references list_types (id),
  primary key (measure_id, list_type_id)
);
create index measure_list_types_list on measure_list_types (list_type_id);

create table measure_departments (
  measure_id int not null references measures (id),
  department_id int not null references departments (id),
  primary key (measure_id, department_id)
);

-- 联合奖惩 tasks (发起—响应—反馈): one per active entry × measure × implementing department.
create table joint_tasks (
  id bigserial primary key,
  entry_id bigint not null references list_entries (id),
  measure_id int not null references measures (id),
  department_id int not null references departments (id),
  status text not null check (status in ('pending', 'implemented', 'not_applicable', 'cancelled')),
  due_on date not null,
  response text,
  responded_by text,
  responded_at timestamptz,
  created_at timestamptz not null,
  unique (entry_id, measure_id, department_id)
);
create index joint_tasks_inbox on joint_tasks (department_id, status, due_on);

-- 查询使用登记: every credit check, who asked, why, and what it answered.
create table checks (
  id bigserial primary key,
  at timestamptz not null,
  department_id int references departments (id),
  operator text not null,
  purpose text not null,
  matter text not null,
  subject_id bigint,
  -- What was asked, with personal identifiers masked.
  query jsonb not null,
  verdict text not null check (verdict in ('block', 'restrict', 'incentive', 'clear', 'not_found', 'ambiguous')),
  result jsonb not null,
  batch_id text,
  outcome text,
  outcome_at timestamptz
);
create index checks_subject on checks (subject_id, at desc) where subject_id is not null;
create index checks_department on checks (department_id, at desc);

-- The platform's mirror of the court's 失信被执行人 list (by case number), the base a snapshot is diffed
-- against. entry_id is the list entry it maintains.
create table court_listings (
  case_code text primary key,
  content_hash text not null,
  entry_id bigint not null references list_entries (id),
  synced_at timestamptz not null
);
