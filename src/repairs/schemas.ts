import { Type, type Static, type TSchema } from 'typebox';

import { DEFAULT_DUE_PROCESS_DEADLINES } from '../kernel/due-process-deadlines.js';

/**
 * The default deadlines in working days (STANDARDS.md §3, practice): the source department reviews
 * within 3 working days of submission, the credit centre decides within 10 working days of filing in
 * all. The ones in force are configuration: `ctx.config.dueProcess`.
 */
export const REPAIR_DEADLINES = {
  departmentWorkdays: DEFAULT_DUE_PROCESS_DEADLINES.repairDepartmentWorkdays,
  totalWorkdays: DEFAULT_DUE_PROCESS_DEADLINES.repairTotalWorkdays,
} as const;

export const REPAIR_STATUSES = ['submitted', 'department_review', 'platform_review', 'granted', 'refused'] as const;
export const REPAIR_STATUS_NAMES: Record<(typeof REPAIR_STATUSES)[number], string> = {
  submitted: '已填报（待提交材料）',
  department_review: '认定部门审核中',
  platform_review: '信用中心审核中',
  granted: '准予修复',
  refused: '不予修复',
};
export const REPAIR_ACTIONS = ['submit', 'approve', 'refuse', 'grant'] as const;
export type RepairAction = (typeof REPAIR_ACTIONS)[number];
export const REPAIR_ACTION_NAMES: Record<RepairAction, string> = { submit: '提交申请', approve: '审核通过', refuse: '不予修复', grant: '准予修复' };
export const MATERIAL_KINDS = ['commitment', 'proof', 'other'] as const;
export const MATERIAL_KIND_NAMES: Record<(typeof MATERIAL_KINDS)[number], string> = { commitment: '信用修复承诺书', proof: '整改证明材料', other: '其他材料' };

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Status = Type.Enum(REPAIR_STATUSES);
const TargetKind = Type.Union([Type.Literal('record'), Type.Literal('list_entry')]);

function Nullable<T extends TSchema>(t: T) {
  return Type.Union([t, Type.Null()]);
}

export const RepairInputSchema = Type.Object(
  {
    target: Type.Object({ kind: TargetKind, id: Id }, { additionalProperties: false }),
    /** What was corrected (已履行行政处罚决定、已整改 …). */
    statement: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type RepairInput = Static<typeof RepairInputSchema>;

export const RepairTransitionSchema = Type.Object(
  { action: Type.Enum(REPAIR_ACTIONS), reason: Type.String({ maxLength: 2000, default: '' }) },
  { additionalProperties: false },
);
export type RepairTransition = Static<typeof RepairTransitionSchema>;

export const RepairListQuerySchema = Type.Object(
  {
    status: Type.Optional(Status),
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type RepairListQuery = Static<typeof RepairListQuerySchema>;

export const EligibilityQuerySchema = Type.Object(
  { recordId: Type.Optional(Id), entryId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type EligibilityQuery = Static<typeof EligibilityQuerySchema>;

export const EligibilitySchema = Type.Object({
  target: Type.Object({ kind: TargetKind, id: Type.Integer() }),
  eligible: Type.Boolean(),
  /** The first day repair may be applied for (records with a minimum period), else null. */
  eligibleFrom: Nullable(Type.String()),
  tier: Nullable(Type.Union([Type.Literal('minor'), Type.Literal('general'), Type.Literal('serious')])),
  minMonths: Nullable(Type.Integer()),
  explanation: Type.String(),
});
export type Eligibility = Static<typeof EligibilitySchema>;

export const CertificateSchema = Type.Object({
  number: Type.String(),
  subjectId: Type.Integer(),
  subjectName: Type.String(),
  target: Type.Object({ kind: TargetKind, id: Type.Integer() }),
  /** What stops: 终止公示、停止共享 (a record) or 信用修复移出名单 (a list entry). */
  effect: Type.String(),
  issuedAt: Type.String(),
  issuer: Type.String(),
});

export const RepairSummarySchema = Type.Object({
  id: Type.Integer(),
  target: Type.Object({ kind: TargetKind, id: Type.Integer() }),
  subjectId: Type.Integer(),
  applicantKind: Type.Union([Type.Literal('subject'), Type.Literal('department'), Type.Literal('platform')]),
  applicantName: Type.String(),
  statement: Type.String(),
  eligibleFrom: Nullable(Type.String()),
  status: Status,
  sourceDepartmentId: Nullable(Type.Integer()),
  departmentDue: Nullable(Type.String()),
  platformDue: Type.String(),
  /** Open and past its current deadline, by the clock's today. */
  overdue: Type.Boolean(),
  departmentOpinion: Nullable(Type.String()),
  decision: Nullable(Type.Union([Type.Literal('granted'), Type.Literal('refused')])),
  decisionReasons: Nullable(Type.String()),
  certificateNo: Nullable(Type.String()),
  filedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
export type RepairSummary = Static<typeof RepairSummarySchema>;

export const RepairEventSchema = Type.Object({ at: Type.String(), from: Nullable(Status), to: Status, reason: Type.String(), actorName: Nullable(Type.String()) });
export const MaterialSchema = Type.Object({ id: Type.Integer(), kind: Type.Enum(MATERIAL_KINDS), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });
export type Material = Static<typeof MaterialSchema>;

export const RepairSchema = Type.Object({
  ...RepairSummarySchema.properties,
  events: Type.Array(RepairEventSchema),
  materials: Type.Array(MaterialSchema),
  certificate: Nullable(CertificateSchema),
});
export type Repair = Static<typeof RepairSchema>;

export const RepairPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(RepairSummarySchema) });

const WorkdaysSchema = Type.Integer({ minimum: 1, description: '工作日' });
/** What the website tells a subject about due process: the deadlines in force and the repair rules. */
export const DueProcessRulesSchema = Type.Object({
  deadlines: Type.Object({
    objectionAcceptWorkdays: WorkdaysSchema,
    objectionVerifyWorkdays: WorkdaysSchema,
    repairDepartmentWorkdays: WorkdaysSchema,
    repairTotalWorkdays: WorkdaysSchema,
    complaintWorkdays: WorkdaysSchema,
  }),
  repair: Type.Object({
    /** Minimum publication period per severity tier before repair may be applied for, in months. */
    tiers: Type.Array(Type.Object({ tier: Type.Union([Type.Literal('minor'), Type.Literal('general'), Type.Literal('serious')]), name: Type.String(), minMonths: Type.Integer() })),
    /** For a record whose topic has no severity tier. */
    defaultMinMonths: Type.Integer(),
    /** Lists whose entries repair does not end, and why. */
    nonRepairable: Type.Array(Type.Object({ listTypeCode: Type.String(), explanation: Type.String() })),
    materials: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), required: Type.Boolean() })),
  }),
});
export type DueProcessRules = Static<typeof DueProcessRulesSchema>;
