import { Type, type Static } from 'typebox';

/** The TypeBox contracts of the lists routes; the web app imports the types. */

export const LIST_KINDS = ['red', 'black', 'watch'] as const;
export const LIST_KIND_NAMES = { red: '红名单', black: '黑名单', watch: '重点关注名单' } as const;
export const LIST_TYPE_STATUSES = ['draft', 'active', 'retired'] as const;
export const ENTRY_STATUSES = ['proposed', 'notified', 'active', 'suspended', 'exited', 'expired', 'repaired', 'revoked', 'withdrawn'] as const;
export const ENTRY_STATUS_NAMES = {
  proposed: '拟列入',
  notified: '已告知',
  active: '已列入',
  suspended: '异议处理中',
  exited: '已移出',
  expired: '已到期',
  repaired: '已信用修复',
  revoked: '已撤销',
  withdrawn: '未列入',
} as const;
export const ENTRY_ACTIONS = ['notify', 'activate', 'suspend', 'resume', 'exit', 'repair', 'revoke', 'withdraw'] as const;
export const ENTRY_ACTION_NAMES = {
  notify: '告知',
  activate: '正式列入',
  suspend: '中止（异议核查中）',
  resume: '恢复',
  exit: '移出',
  repair: '信用修复移出',
  revoke: '撤销',
  withdraw: '撤回拟列入',
} as const;

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const LegalBasisSchema = Type.Object(
  { title: Text(200), article: Type.Optional(Type.String({ maxLength: 100 })), docNo: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const ListTypeInputSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,40}$', description: '大写字母开头的代码，如 LYSCSX' }),
    name: Text(100),
    kind: Type.Enum(LIST_KINDS, { description: 'red 红名单 / black 黑名单 / watch 重点关注名单' }),
    legalBasis: Type.Array(LegalBasisSchema, { maxItems: 20, description: '设列依据（法律、法规或中央政策文件）；启用时必填' }),
    authority: Text(100),
    authorityDepartmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    criteria: Text(4000),
    exitConditions: Text(4000),
    remedies: Text(4000),
    defaultDurationMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 120 }), Type.Null()]),
    noticeWorkdays: Type.Integer({ minimum: 0, maximum: 60 }),
    serious: Type.Boolean(),
    publishPersons: Type.Boolean(),
    minorsExcluded: Type.Boolean(),
    status: Type.Enum(LIST_TYPE_STATUSES),
  },
  { additionalProperties: false },
);
export type ListTypeInput = Static<typeof ListTypeInputSchema>;

export const ListTypeSchema = Type.Object({
  id: Type.Integer(),
  ...ListTypeInputSchema.properties,
  authorityDepartmentId: Type.Union([Type.Integer(), Type.Null()]),
  authorityDepartmentName: Type.Union([Type.String(), Type.Null()]),
  builtin: Type.Boolean(),
  activeEntries: Type.Integer(),
  updatedAt: Type.String(),
});
export type ListTypeView = Static<typeof ListTypeSchema>;

export const SubjectRefInputSchema = Type.Object(
  {
    uscc: Type.Optional(Type.String({ maxLength: 40 })),
    code: Type.Optional(Type.String({ maxLength: 40, description: '组织机构代码或工商注册号' })),
    residentId: Type.Optional(Type.String({ maxLength: 40, description: '自然人的居民身份证号码' })),
    name: Text(200),
    kind: Type.Optional(
      Type.Enum(['enterprise', 'individual_business', 'public_institution', 'social_organisation', 'government', 'natural_person'] as const),
    ),
  },
  { additionalProperties: false },
);
export type SubjectRefInput = Static<typeof SubjectRefInputSchema>;

export const ProposeEntryInputSchema = Type.Object(
  {
    listType: Type.String({ maxLength: 41, description: '名单类型代码' }),
    subject: SubjectRefInputSchema,
    decisionNo: Type.Optional(Type.String({ maxLength: 100 })),
    decisionDate: Type.Optional(DateString),
    reasons: Text(4000),
    basis: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Overrides the list type's default duration. */
    expiresOn: Type.Optional(DateString),
    /** The department's own key for the decision (unique among live entries of the list). */
    sourceKey: Type.Optional(Type.String({ maxLength: 100 })),
    /** Tell the subject at once (告知), starting the objection period. */
    notify: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProposeEntryInput = Static<typeof ProposeEntryInputSchema>;

export const TransitionInputSchema = Type.Object(
  { action: Type.Enum(ENTRY_ACTIONS), reason: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof TransitionInputSchema>;

const EntryStatus = Type.Enum(ENTRY_STATUSES);

export const ListEntrySchema = Type.Object({
  id: Type.Integer(),
  listType: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.Enum(LIST_KINDS) }),
  subject: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), code: Type.Union([Type.String(), Type.Null()]) }),
  /** The stored status, except that an entry past its last day reads `expired` before the sweep records it. */
  status: EntryStatus,
  source: Type.Enum(['console', 'api', 'file', 'rule', 'court_sync'] as const),
  sourceKey: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  decisionNo: Type.Union([Type.String(), Type.Null()]),
  decisionDate: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.String(),
  basis: Type.Union([Type.String(), Type.Null()]),
  objectionUntil: Type.Union([Type.String(), Type.Null()]),
  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
  expiresOn: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  ruleCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type ListEntryView = Static<typeof ListEntrySchema>;

export const ListEntryEventSchema = Type.Object({
  at: Type.String(),
  fromStatus: Type.Union([EntryStatus, Type.Null()]),
  toStatus: EntryStatus,
  reason: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
});

export const ListEntryDetailSchema = Type.Object({
  ...ListEntrySchema.properties,
  events: Type.Array(ListEntryEventSchema),
  tasks: Type.Object({ total: Type.Integer(), pending: Type.Integer(), implemented: Type.Integer(), notApplicable: Type.Integer() }),
  /** Actions the caller may take now. */
  actions: Type.Array(Type.Enum(ENTRY_ACTIONS)),
  /** The objection still being handled about this entry (a notified entry waits for it before coming into force). */
  openObjection: Type.Union([Type.Object({ id: Type.Integer(), status: Type.String() }), Type.Null()]),
});
export type ListEntryDetail = Static<typeof ListEntryDetailSchema>;

export const ListEntryPageSchema = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(ListEntrySchema),
});
export type ListEntryPage = Static<typeof ListEntryPageSchema>;

export const ListEntryQuerySchema = Type.Object(
  {
    listType: Type.Optional(Type.String({ maxLength: 41 })),
    status: Type.Optional(EntryStatus),
    subjectId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type ListEntryQuery = Static<typeof ListEntryQuerySchema>;

/** An entry as the website shows it: organisations, and persons only on lists that publish them (ID masked). */
export const PublicListEntrySchema = Type.Object({
  id: Type.Integer(),
  listType: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.Enum(LIST_KINDS) }),
  subjectId: Type.Union([Type.Integer(), Type.Null()]),
  subjectName: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  decisionNo: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.String(),
  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
  expiresOn: Type.Union([Type.String(), Type.Null()]),
  /** 异议处理中: an objection is being verified. */
  underObjection: Type.Boolean(),
});
export type PublicListEntry = Static<typeof PublicListEntrySchema>;

export const PublicListPageSchema = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(PublicListEntrySchema),
});
export type PublicListPage = Static<typeof PublicListPageSchema>;

export const PublicListQuerySchema = Type.Object(
  {
    listType: Type.Optional(Type.String({ maxLength: 41 })),
    kind: Type.Optional(Type.Enum(LIST_KINDS)),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    /** Only subjects of this kind: `government` for 政务诚信. */
    subjectKind: Type.Optional(Type.Enum(['enterprise', 'individual_business', 'public_institution', 'social_organisation', 'government', 'natural_person', 'other'] as const)),
    page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type PublicListQuery = Static<typeof PublicListQuerySchema>;

export const SweepResultSchema = Type.Object({
  expired: Type.Integer(),
  activated: Type.Integer(),
  warned: Type.Integer(),
  proposedByRules: Type.Integer(),
});
export type SweepResult = Static<typeof SweepResultSchema>;

export const ImportEntriesResultSchema = Type.Object({ imported: Type.Integer(), entryIds: Type.Array(Type.Integer()) });

/** The court sync's answer (HTTP and CLI): counts, refused rows, timings. */
export const CourtSyncSummarySchema = Type.Object({
  mode: Type.Union([Type.Literal('snapshot'), Type.Literal('delta')]),
  format: Type.Union([Type.Literal('jsonl'), Type.Literal('csv'), Type.Null()]),
  rows: Type.Integer({ description: '文件中的数据行数' }),
  new: Type.Integer({ description: '新纳入' }),
  changed: Type.Integer({ description: '内容变更' }),
  revoked: Type.Integer({ description: '撤销（移出）' }),
  unchanged: Type.Integer({ description: '未变' }),
  rejected: Type.Integer({ description: '拒收行数' }),
  errors: Type.Array(
    Type.Object({
      rowNo: Type.Integer(),
      caseCode: Type.Union([Type.String(), Type.Null()]),
      code: Type.String(),
      message: Type.String(),
    }),
    { description: '拒收的行（最多 1000 行）' },
  ),
  errorsTruncated: Type.Boolean(),
  tasksOpened: Type.Integer({ description: '发起的联合惩戒任务' }),
  tasksCancelled: Type.Integer({ description: '随名单撤销而取消的任务' }),
  seconds: Type.Object({ stage: Type.Number(), diff: Type.Number(), apply: Type.Number(), total: Type.Number() }),
});
export type CourtSyncSummaryView = Static<typeof CourtSyncSummarySchema>;

export const CourtSyncQuerySchema = Type.Object({
  mode: Type.Union([Type.Literal('snapshot'), Type.Literal('delta')], { default: 'snapshot', description: 'snapshot：全量；delta：增量（每行 op 为 upsert 或 revoke）' }),
});

/** 拟列入告知: an entry of the signed-in subject in its notice period, and how to object before it ends. */
export const ListNoticeSchema = Type.Object({
  id: Type.Integer(),
  listType: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.Enum(LIST_KINDS) }),
  department: Type.Union([Type.String(), Type.Null()]),
  decisionNo: Type.Union([Type.String(), Type.Null()]),
  decisionDate: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.String(),
  basis: Type.Union([Type.String(), Type.Null()]),
  notifiedAt: Type.Union([Type.String(), Type.Null()]),
  /** The last day an objection may be filed before the entry comes into force. */
  objectionUntil: Type.Union([Type.String(), Type.Null()]),
  openObjection: Type.Union([Type.Object({ id: Type.Integer(), status: Type.String() }), Type.Null()]),
});
export type ListNotice = Static<typeof ListNoticeSchema>;
