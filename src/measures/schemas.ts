import { Type, type Static } from 'typebox';

/** The measures module's vocabularies and API shapes, shared by the routes, the OpenAPI document and the console. */

export const MEASURE_KINDS = ['punishment', 'incentive'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const PUNISHMENT_STRENGTHS = ['prohibit', 'restrict', 'supervise', 'reference'] as const;
export const INCENTIVE_STRENGTHS = ['fast_track', 'accept_missing', 'fewer_inspections', 'bonus_points'] as const;
export const MEASURE_STRENGTHS = [...PUNISHMENT_STRENGTHS, ...INCENTIVE_STRENGTHS] as const;
export type MeasureStrength = (typeof MEASURE_STRENGTHS)[number];

export const MEASURE_STRENGTH_NAMES: Record<MeasureStrength, string> = {
  prohibit: '禁止',
  restrict: '限制',
  supervise: '加强监管',
  reference: '参考',
  fast_track: '绿色通道',
  accept_missing: '容缺受理',
  fewer_inspections: '减少检查频次',
  bonus_points: '信用加分',
};

/** Whom a measure binds (落实到人). */
export const MEASURE_BINDS = ['subject', 'legal_rep', 'principal_officers', 'directly_responsible', 'actual_controller'] as const;
export type MeasureBind = (typeof MEASURE_BINDS)[number];
export const MEASURE_BIND_NAMES: Record<MeasureBind, string> = {
  subject: '主体本身',
  legal_rep: '法定代表人',
  principal_officers: '主要负责人',
  directly_responsible: '直接责任人',
  actual_controller: '实际控制人',
};

export const JOINT_TASK_STATUSES = ['pending', 'implemented', 'not_applicable', 'cancelled'] as const;
export type JointTaskStatus = (typeof JOINT_TASK_STATUSES)[number];

/** Joint-task pages are capped: an inbox is read by people, a department's system takes the webhook. */
export const JOINT_TASK_PAGE_SIZE_MAX = 50;

const Code = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,40}$', description: '大写字母开头，2–41 位大写字母、数字或下划线' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const LegalBasisSchema = Type.Object(
  {
    title: Type.String({ maxLength: 200, description: '法律、法规、规章或中央文件名称' }),
    article: Type.Optional(Type.String({ maxLength: 100 })),
    docNo: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type LegalBasisInput = Static<typeof LegalBasisSchema>;

export const MeasureInputSchema = Type.Object(
  {
    code: Code,
    name: Text(100),
    content: Text(4000),
    kind: Type.Enum(MEASURE_KINDS, { description: 'punishment 惩戒 / incentive 激励' }),
    strength: Type.Enum(MEASURE_STRENGTHS),
    /** At least one basis (国办发〔2020〕49号: no measure without one); checked with its own error code. */
    legalBasis: Type.Array(LegalBasisSchema, { maxItems: 20 }),
    matters: Type.Array(Type.String({ maxLength: 41 }), { minItems: 1, maxItems: 30, uniqueItems: true }),
    binds: Type.Array(Type.Enum(MEASURE_BINDS), { minItems: 1, maxItems: 5, uniqueItems: true }),
    /** Codes of the list types that trigger it (`SXBZXR` …). */
    listTypes: Type.Array(Type.String({ maxLength: 41 }), { maxItems: 50, uniqueItems: true }),
    /** Codes of the implementing departments (`SCJG` …). */
    departments: Type.Array(Type.String({ maxLength: 32 }), { maxItems: 100, uniqueItems: true }),
    responseWorkdays: Type.Integer({ minimum: 1, maximum: 60, default: 10 }),
    active: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);
export type MeasureInput = Static<typeof MeasureInputSchema>;

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export const MeasureSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  content: Type.String(),
  kind: Type.Enum(MEASURE_KINDS),
  strength: Type.Enum(MEASURE_STRENGTHS),
  legalBasis: Type.Array(LegalBasisSchema),
  matters: Type.Array(Named),
  binds: Type.Array(Type.Enum(MEASURE_BINDS)),
  listTypes: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String() })),
  departments: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  responseWorkdays: Type.Integer(),
  active: Type.Boolean(),
  builtin: Type.Boolean(),
  updatedAt: Type.String(),
});
export type Measure = Static<typeof MeasureSchema>;

export const MeasureListQuerySchema = Type.Object(
  {
    kind: Type.Optional(Type.Enum(MEASURE_KINDS)),
    listType: Type.Optional(Type.String({ maxLength: 41, description: '名单类型代码' })),
    matter: Type.Optional(Type.String({ maxLength: 41 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MeasureListQuery = Static<typeof MeasureListQuerySchema>;

export const MatterSchema = Type.Object({ code: Type.String(), name: Type.String(), active: Type.Boolean(), builtin: Type.Boolean() });
export type Matter = Static<typeof MatterSchema>;

export const JointTaskSchema = Type.Object({
  id: Type.Integer(),
  status: Type.Enum(JOINT_TASK_STATUSES),
  dueOn: Type.String({ format: 'date' }),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  subject: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    kind: Type.String(),
    uscc: Type.Union([Type.String(), Type.Null()]),
    /** The organisation's legal representative, when the measure binds them (落实到人). */
    legalRepName: Type.Union([Type.String(), Type.Null()]),
  }),
  entry: Type.Object({
    id: Type.Integer(),
    reasons: Type.String(),
    decisionNo: Type.Union([Type.String(), Type.Null()]),
    decisionDate: Type.Union([Type.String(), Type.Null()]),
    expiresOn: Type.Union([Type.String(), Type.Null()]),
  }),
  listType: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() }),
  measure: Type.Object({
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    content: Type.String(),
    kind: Type.Enum(MEASURE_KINDS),
    strength: Type.Enum(MEASURE_STRENGTHS),
    legalBasis: Type.Array(LegalBasisSchema),
    matters: Type.Array(Type.String()),
    binds: Type.Array(Type.Enum(MEASURE_BINDS)),
  }),
  response: Type.Union([Type.String(), Type.Null()]),
  respondedBy: Type.Union([Type.String(), Type.Null()]),
  respondedAt: Type.Union([Type.String(), Type.Null()]),
});
export type JointTask = Static<typeof JointTaskSchema>;

export const JointTaskQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum(JOINT_TASK_STATUSES)),
    /** Only pending tasks past their due date. */
    overdue: Type.Optional(Type.Boolean()),
    listType: Type.Optional(Type.String({ maxLength: 41, description: '名单类型代码' })),
    /** Admins and auditors: one department's tasks. */
    departmentId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: JOINT_TASK_PAGE_SIZE_MAX, default: 20 }),
  },
  { additionalProperties: false },
);
export type JointTaskQuery = Static<typeof JointTaskQuerySchema>;

export const JointTaskPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(JointTaskSchema) });
export type JointTaskPage = Static<typeof JointTaskPageSchema>;

export const JointTaskAnswerSchema = Type.Object(
  {
    outcome: Type.Union([Type.Literal('implemented'), Type.Literal('not_applicable')], { description: 'implemented 已落实 / not_applicable 不适用' }),
    /** 已落实: what was done; 不适用: why. Required either way (checked with its own error code). */
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type JointTaskAnswer = Static<typeof JointTaskAnswerSchema>;

const Counts = {
  tasks: Type.Integer({ description: '任务数（不含已撤销）' }),
  answered: Type.Integer(),
  implemented: Type.Integer(),
  notApplicable: Type.Integer(),
  pending: Type.Integer(),
  overdue: Type.Integer(),
  cancelled: Type.Integer(),
  /** answered / tasks; null when there are no tasks. */
  feedbackRate: Type.Union([Type.Number(), Type.Null()]),
};

export const JointTaskStatsRowSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), ...Counts });
export type JointTaskStatsRow = Static<typeof JointTaskStatsRowSchema>;

export const JointTaskStatsSchema = Type.Object({
  today: Type.String({ format: 'date' }),
  total: Type.Object(Counts),
  byDepartment: Type.Array(JointTaskStatsRowSchema),
  byListType: Type.Array(JointTaskStatsRowSchema),
});
export type JointTaskStats = Static<typeof JointTaskStatsSchema>;

export const JointTaskStatsQuerySchema = Type.Object(
  {
    /** Tasks created on or after this day (China time). */
    from: Type.Optional(Type.String({ format: 'date' })),
    /** Tasks created on or before this day (China time). */
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type JointTaskStatsQuery = Static<typeof JointTaskStatsQuerySchema>;

export const WebhookInputSchema = Type.Object(
  {
    departmentId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    url: Type.String({ maxLength: 2000, description: 'http(s) 地址' }),
    /** Exact topics or prefixes ending in `*`; default `joint.task.*`. */
    topics: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_.]*\\*?$', maxLength: 100 }), { minItems: 1, maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type WebhookInput = Static<typeof WebhookInputSchema>;

export const WebhookSchema = Type.Object({
  id: Type.Integer(),
  departmentId: Type.Integer(),
  departmentName: Type.String(),
  url: Type.String(),
  topics: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
  pending: Type.Integer({ description: '待投递（含重试中）' }),
  delivered: Type.Integer(),
  failed: Type.Integer({ description: '已放弃' }),
});
export type Webhook = Static<typeof WebhookSchema>;

/** The answer to registering a webhook: the signing secret is shown this once. */
export const CreatedWebhookSchema = Type.Object({ ...WebhookSchema.properties, secret: Type.String() });
export type CreatedWebhook = Static<typeof CreatedWebhookSchema>;
