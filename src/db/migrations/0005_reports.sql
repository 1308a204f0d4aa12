-- 信用报告: every issued report, its exact PDF bytes and the platform's signature over them.

-- Per-day report sequence (报告编号 XY + YYYYMMDD + 6-digit sequence); the upsert row-locks the day,
-- so two reports issued at once never get the same number.
create table report_number_counters (
  day date primary key,
  last_value int not null
);

create table reports (
  id bigserial primary key,
  number text not null unique,
  -- The short verification code printed on the report (not a secret of the platform: it proves that
  -- the caller holds the report, so numbers cannot be probed).
  verification_code text not null,
  subject_id bigint not null references subjects (id),
  subject_name text not null,
  scope text not null check (scope in ('public', 'shared')),
  issued_at timestamptz not null,
  -- SHA-256 (hex) of the exact PDF bytes; the Ed25519 signature (base64) is over the canonical string
  -- of number, sha256, issued time, subject id and scope; key_id names the public key that checks it.
  sha256 text not null,
  signature text not null,
  key_id text not null,
  pdf bytea not null,
  pdf_bytes int not null,
  requested_by_type text not null,
  requested_by_id text,
  requested_by_name text
);
create index reports_subject on reports (subject_id, issued_at desc);
create index reports_sha256 on reports (sha256);
