import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types of the database (kept by hand beside the migrations in ./migrations). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface DepartmentsTable {
  id: Generated<number>;
  code: string;
  name: string;
  uscc: string | null;
  kind: 'department' | 'credit_centre';
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  department_id: number | null;
  roles: string[];
  active: Generated<boolean>;
  created_at: Timestamp;
  /** Subject accounts only: the subject the account acts for. */
  subject_id: Generated<number | null>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  department_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  roles: string[];
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_type: 'user' | 'token' | 'system' | 'public';
  actor_id: string | null;
  actor_name: string | null;
  department_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface OutboxTable {
  id: Generated<number>;
  created_at: Timestamp;
  topic: string;
  entity_key: string;
  payload: Json<Record<string, unknown>>;
  delivered_at: Timestamp | null;
}

export interface CatalogTopicsTable {
  id: Generated<number>;
  code: string;
  name: string;
  category: string;
  builtin: Generated<boolean>;
  current_version: number;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CatalogTopicVersionsTable {
  topic_id: number;
  version: number;
  definition: Json;
  created_at: Timestamp;
  created_by: string;
}

export interface SubjectsTable {
  id: Generated<number>;
  kind: string;
  name: string;
  name_norm: string;
  uscc: string | null;
  region_code: string | null;
  legal_rep_id: number | null;
  identity_uncertain: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 登记状态 from the newest registration record (migration 0007); derived, see records/refresh-subject-status.ts. */
  status: Generated<string | null>;
  status_date: ColumnType<string | null, string | null | undefined, string | null>;
  status_record_id: Generated<number | null>;
}

export interface SubjectIdentifiersTable {
  kind: string;
  value_key: string;
  subject_id: number;
  value_enc: string | null;
  value_masked: string | null;
  first_seen: Timestamp;
}

export interface SubjectNamesTable {
  subject_id: number;
  name: string;
  first_seen: Timestamp;
}

export interface BatchesTable {
  id: Generated<number>;
  department_id: number;
  topic_id: number;
  topic_version: number;
  /** 'case': a record written by a due-process case (a broken commitment), one row. */
  channel: 'upload' | 'api' | 'cli' | 'case';
  format: 'csv' | 'xlsx' | 'json';
  file_name: string | null;
  file_sha256: string | null;
  file_bytes: number | null;
  encoding: string | null;
  status: 'processing' | 'completed' | 'failed' | 'interrupted';
  submitted_by: string;
  received_at: Timestamp;
  finished_at: Timestamp | null;
  total_rows: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  unchanged_count: Generated<number>;
  rejected_count: Generated<number>;
  late_count: Generated<number>;
  completeness: Json | null;
  error_code: string | null;
  error_message: string | null;
}

export interface BatchErrorsTable {
  batch_id: number;
  row_no: number;
  column_code: string | null;
  column_name: string | null;
  value: string | null;
  severity: Generated<'error' | 'warning'>;
  error_code: string;
  message: string;
}

/** 'withdrawn': an upheld objection; 'repaired': credit repair granted (终止公示). Both are kept, neither is public. */
export type RecordStatus = 'active' | 'withdrawn' | 'repaired';
export interface RecordsTable {
  id: Generated<number>;
  topic_id: number;
  topic_version: number;
  business_key: string;
  version: number;
  is_current: boolean;
  subject_id: number;
  department_id: number;
  batch_id: number;
  source_row: number;
  received_at: Timestamp;
  decision_date: string | null;
  publish_until: string | null;
  status: Generated<RecordStatus>;
  data: Json<Record<string, string>>;
  data_enc: string | null;
  content_hash: string;
  timeliness_workdays: number | null;
  late: boolean | null;
  superseded_at: Timestamp | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface ArticlesTable {
  id: Generated<number>;
  channel: 'news' | 'policy' | 'culture';
  title: string;
  body: string;
  status: 'draft' | 'published';
  published_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ArticleAttachmentsTable {
  id: Generated<number>;
  article_id: number;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
}

export interface DB {
  departments: DepartmentsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  catalog_topics: CatalogTopicsTable;
  catalog_topic_versions: CatalogTopicVersionsTable;
  subjects: SubjectsTable;
  subject_identifiers: SubjectIdentifiersTable;
  subject_names: SubjectNamesTable;
  batches: BatchesTable;
  batch_errors: BatchErrorsTable;
  records: RecordsTable;
  articles: ArticlesTable;
  article_attachments: ArticleAttachmentsTable;
  schema_migrations: SchemaMigrationsTable;
  report_number_counters: ReportNumberCountersTable;
  reports: ReportsTable;
}

export type Department = Selectable<DepartmentsTable>;
export type User = Selectable<UsersTable>;
export type Batch = Selectable<BatchesTable>;
export type NewAuditRow = Insertable<AuditLogTable>;

export interface ReportNumberCountersTable {
  day: string;
  last_value: number;
}

export interface ReportsTable {
  id: Generated<number>;
  number: string;
  verification_code: string;
  subject_id: number;
  subject_name: string;
  scope: 'public' | 'shared';
  issued_at: Timestamp;
  sha256: string;
  signature: string;
  key_id: string;
  pdf: Buffer;
  pdf_bytes: number;
  requested_by_type: string;
  requested_by_id: string | null;
  requested_by_name: string | null;
}

// 信用查询 (migration 0004): the subject search index, derived from subjects and subject_names.
export interface SubjectSearchDocsTable {
  subject_id: number;
  is_person: boolean;
  name_norm: string;
  former_norms: string[];
  initials: string;
  grams: string[];
}

// Declaration merging keeps this module's tables out of the shared list above (fewer merge conflicts).
export interface DB {
  subject_search_docs: SubjectSearchDocsTable;
}

// 名单, 措施清单, 联合奖惩 and 应查必查 (migration 0006).
export type ListKind = 'red' | 'black' | 'watch';
export type ListEntryStatus =
  | 'proposed'
  | 'notified'
  | 'active'
  | 'suspended'
  | 'exited'
  | 'expired'
  | 'repaired'
  | 'revoked'
  | 'withdrawn';
export type ListEntrySource = 'console' | 'api' | 'file' | 'rule' | 'court_sync';
export interface LegalBasis {
  title: string;
  article?: string;
  docNo?: string;
}
export type MeasureStrength =
  | 'prohibit'
  | 'restrict'
  | 'supervise'
  | 'reference'
  | 'fast_track'
  | 'accept_missing'
  | 'fewer_inspections'
  | 'bonus_points';
/** Whom a measure binds (落实到人): the subject, and for an organisation its legal representative, principal officers, directly responsible person, actual controller. */
export type MeasureBinds = 'subject' | 'legal_rep' | 'principal_officers' | 'directly_responsible' | 'actual_controller';
export type CheckVerdict = 'block' | 'restrict' | 'incentive' | 'clear' | 'not_found' | 'ambiguous';

export interface ListTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: ListKind;
  legal_basis: Json<LegalBasis[]>;
  authority: string;
  authority_department_id: number | null;
  criteria: string;
  exit_conditions: string;
  remedies: string;
  default_duration_months: number | null;
  notice_workdays: Generated<number>;
  serious: Generated<boolean>;
  publish_persons: Generated<boolean>;
  minors_excluded: Generated<boolean>;
  status: 'draft' | 'active' | 'retired';
  builtin: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ListEntriesTable {
  id: Generated<number>;
  list_type_id: number;
  subject_id: number;
  status: ListEntryStatus;
  source: ListEntrySource;
  source_key: string | null;
  department_id: number | null;
  decision_no: string | null;
  decision_date: string | null;
  reasons: string;
  basis: string | null;
  notified_at: Timestamp | null;
  objection_until: string | null;
  effective_from: string | null;
  expires_on: string | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
  rule_code: string | null;
  data: Generated<Json<Record<string, string>>>;
  data_enc: string | null;
  content_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ListEntryEventsTable {
  id: Generated<number>;
  entry_id: number;
  at: Timestamp;
  from_status: ListEntryStatus | null;
  to_status: ListEntryStatus;
  reason: string;
  actor_type: string;
  actor_name: string | null;
  department_id: number | null;
}

export interface ListRuleWarningsTable {
  rule_code: string;
  entry_id: number;
  warned_at: Timestamp;
  due_on: string;
}

export interface MattersTable {
  code: string;
  name: string;
  active: Generated<boolean>;
  builtin: Generated<boolean>;
}

export interface MeasuresTable {
  id: Generated<number>;
  code: string;
  name: string;
  content: string;
  kind: 'punishment' | 'incentive';
  strength: MeasureStrength;
  legal_basis: Json<LegalBasis[]>;
  matters: string[];
  binds: MeasureBinds[];
  response_workdays: Generated<number>;
  active: Generated<boolean>;
  builtin: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureListTypesTable {
  measure_id: number;
  list_type_id: number;
}

export interface MeasureDepartmentsTable {
  measure_id: number;
  department_id: number;
}

export interface JointTasksTable {
  id: Generated<number>;
  entry_id: number;
  measure_id: number;
  department_id: number;
  status: 'pending' | 'implemented' | 'not_applicable' | 'cancelled';
  due_on: string;
  response: string | null;
  responded_by: string | null;
  responded_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ChecksTable {
  id: Generated<number>;
  at: Timestamp;
  department_id: number | null;
  operator: string;
  purpose: string;
  matter: string;
  subject_id: number | null;
  query: Json<Record<string, unknown>>;
  verdict: CheckVerdict;
  result: Json<Record<string, unknown>>;
  batch_id: string | null;
  outcome: string | null;
  outcome_at: Timestamp | null;
}

export interface CourtListingsTable {
  case_code: string;
  content_hash: string;
  /** Keyed hash of the raw JSON Lines line last seen for the listing (migration 0011); null until one was. */
  raw_hash: string | null;
  entry_id: number;
  synced_at: Timestamp;
}

// Department webhooks (migration 0010).
export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  department_id: number;
  url: string;
  secret_enc: string;
  topics: string[];
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  outbox_id: number;
  subscription_id: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface DB {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  list_types: ListTypesTable;
  list_entries: ListEntriesTable;
  list_entry_events: ListEntryEventsTable;
  list_rule_warnings: ListRuleWarningsTable;
  matters: MattersTable;
  measures: MeasuresTable;
  measure_list_types: MeasureListTypesTable;
  measure_departments: MeasureDepartmentsTable;
  joint_tasks: JointTasksTable;
  checks: ChecksTable;
  court_listings: CourtListingsTable;
}

// 异议 (migration 0012).
export type ObjectionStatus = 'submitted' | 'accepted' | 'refused' | 'verifying' | 'upheld' | 'rejected' | 'closed';
export type ObjectionReasonCode = 'wrong' | 'missing' | 'duplicate' | 'should_not_be_public' | 'past_period' | 'differs_from_source';
export type ObjectionApplicantKind = 'subject' | 'department' | 'upstream_platform';
export interface ObjectionsTable {
  id: Generated<number>;
  target_kind: 'record' | 'list_entry';
  record_id: number | null;
  entry_id: number | null;
  subject_id: number;
  applicant_kind: ObjectionApplicantKind;
  applicant_name: string;
  applicant_user_id: string | null;
  applicant_department_id: number | null;
  reason_code: ObjectionReasonCode;
  reason_text: string;
  status: ObjectionStatus;
  source_department_id: number | null;
  accept_due: ColumnType<string, string, string>;
  verify_due: ColumnType<string | null, string | null | undefined, string | null>;
  entry_suspended: Generated<boolean>;
  decision: 'refused' | 'upheld' | 'rejected' | null;
  decision_reasons: string | null;
  /** How an upheld objection against a record is remedied (migration 0016). */
  remedy: Generated<'withdraw' | 'correct' | null>;
  submitted_at: Timestamp;
  accepted_at: Timestamp | null;
  decided_at: Timestamp | null;
  updated_at: Timestamp;
}
export interface ObjectionEventsTable {
  id: Generated<number>;
  objection_id: number;
  at: Timestamp;
  from_status: ObjectionStatus | null;
  to_status: ObjectionStatus;
  reason: string;
  actor_type: string;
  actor_name: string | null;
  department_id: number | null;
}
export interface ObjectionEvidenceTable {
  id: Generated<number>;
  objection_id: number;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}
export type RepairStatus = 'submitted' | 'department_review' | 'platform_review' | 'granted' | 'refused';
export type RepairMaterialKind = 'commitment' | 'proof' | 'other';
export interface RepairsTable {
  id: Generated<number>;
  target_kind: 'record' | 'list_entry';
  record_id: number | null;
  entry_id: number | null;
  subject_id: number;
  applicant_kind: 'subject' | 'department' | 'platform';
  applicant_name: string;
  applicant_user_id: string | null;
  applicant_department_id: number | null;
  source_department_id: number | null;
  statement: string;
  eligible_from: ColumnType<string | null, string | null, string | null>;
  status: RepairStatus;
  department_due: ColumnType<string | null, string | null | undefined, string | null>;
  platform_due: ColumnType<string, string, string>;
  department_opinion: string | null;
  department_decided_at: Timestamp | null;
  decision: 'granted' | 'refused' | null;
  decision_reasons: string | null;
  certificate_no: string | null;
  filed_at: Timestamp;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  updated_at: Timestamp;
}
export interface RepairEventsTable {
  id: Generated<number>;
  repair_id: number;
  at: Timestamp;
  from_status: RepairStatus | null;
  to_status: RepairStatus;
  reason: string;
  actor_type: string;
  actor_name: string | null;
  department_id: number | null;
}
export interface RepairMaterialsTable {
  id: Generated<number>;
  repair_id: number;
  kind: RepairMaterialKind;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}
export interface DB {
  repairs: RepairsTable;
  repair_events: RepairEventsTable;
  repair_materials: RepairMaterialsTable;
  objections: ObjectionsTable;
  objection_events: ObjectionEventsTable;
  objection_evidence: ObjectionEvidenceTable;
}

// 投诉举报 (migration 0014).
export type ComplaintStatus = 'submitted' | 'assigned' | 'handling' | 'concluded' | 'rejected';
export type ComplaintCategory = 'fraud' | 'contract' | 'quality' | 'wages' | 'tax' | 'false_advertising' | 'other';
export type ComplaintOutcome = 'substantiated' | 'unsubstantiated' | 'partly';
export interface ComplaintsTable {
  id: Generated<number>;
  tracking_number: string;
  query_code_hash: string;
  subject_id: number | null;
  subject_name: string;
  subject_code: string | null;
  category: ComplaintCategory;
  description: string;
  complainant_name_enc: string | null;
  complainant_phone_enc: string | null;
  complainant_id_number_enc: string | null;
  department_id: number | null;
  status: ComplaintStatus;
  outcome: ComplaintOutcome | null;
  result: string | null;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: Timestamp;
  assigned_at: Timestamp | null;
  concluded_at: Timestamp | null;
  updated_at: Timestamp;
}
export interface ComplaintEventsTable {
  id: Generated<number>;
  complaint_id: number;
  at: Timestamp;
  from_status: ComplaintStatus | null;
  to_status: ComplaintStatus;
  reason: string;
  actor_type: string;
  actor_name: string | null;
  department_id: number | null;
}
export interface ComplaintEvidenceTable {
  id: Generated<number>;
  complaint_id: number;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
}
export interface DB {
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_evidence: ComplaintEvidenceTable;
}

// 信用承诺 (migration 0015).
export type CommitmentType = 'approval_substitute' | 'tolerance' | 'voluntary' | 'industry' | 'repair';
export type CommitmentStatus = 'signed' | 'kept' | 'broken' | 'revoked';
export interface CommitmentsTable {
  id: Generated<number>;
  type: CommitmentType;
  subject_id: number;
  matter_code: string;
  matter_detail: string;
  content: string;
  signed_via: 'online' | 'upload';
  signer_name: string;
  signed_by_user_id: string | null;
  department_id: number;
  repair_id: number | null;
  signed_on: ColumnType<string, string, string>;
  due_date: ColumnType<string | null, string | null, string | null>;
  status: CommitmentStatus;
  file_name: string | null;
  file_content_type: string | null;
  file_size: number | null;
  file_content: Buffer | null;
  verdict_reason: string | null;
  verdict_by: string | null;
  verdict_department_id: number | null;
  verdict_at: Timestamp | null;
  breach_record_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface CommitmentEventsTable {
  id: Generated<number>;
  commitment_id: number;
  at: Timestamp;
  from_status: CommitmentStatus | null;
  to_status: CommitmentStatus;
  reason: string;
  actor_type: string;
  actor_name: string | null;
  department_id: number | null;
}
export interface DB {
  commitments: CommitmentsTable;
  commitment_events: CommitmentEventsTable;
}
