import { Type, type Static, type TSchema } from 'typebox';
import { COMMITMENT_STATUS_NAMES, COMMITMENT_TYPE_NAMES, COMMITMENT_TYPES, type CommitmentTypeCode } from '../catalog/vocabularies.js';

export { COMMITMENT_STATUS_NAMES, COMMITMENT_TYPE_NAMES, COMMITMENT_TYPES };
export type CommitmentType = CommitmentTypeCode;

export const COMMITMENT_STATUSES = ['signed', 'kept', 'broken', 'revoked'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** 告知承诺 in the wide sense: the types a subject on a serious list cannot use (STANDARDS.md §6). */
export const NOTIFY_AND_COMMIT_TYPES: readonly CommitmentType[] = ['approval_substitute', 'tolerance'];

/**
 * Default fulfilment periods when the accepting department gives none (local practice, so defaults):
 * 容缺受理 — the missing documents within 20 working days; 告知承诺 — the department's verification
 * (事中事后核查) within 3 months. The other types are open-ended.
 */
export const COMMITMENT_DEFAULT_DUE: Partial<Record<CommitmentType, { workdays: number } | { months: number }>> = {
  tolerance: { workdays: 20 },
  approval_substitute: { months: 3 },
};

/** The standard text of each type (shown on the sign-online form; the subject may edit it). */
export const COMMITMENT_TEMPLATES: Record<CommitmentType, string> = {
  approval_substitute:
    '本主体已知晓审批部门告知的全部条件和要求，承诺所填写、提交的信息真实、准确、完整，已经符合告知的条件和要求，愿意承担不实承诺的法律责任；如有违反，同意记入信用记录并接受相应的失信约束措施。',
  tolerance:
    '本主体申请容缺受理，承诺在约定期限内补齐、补正所缺材料，所补材料与已提交信息一致、真实有效；逾期未补齐或者补正材料不符合要求的，同意撤回申请并记入信用记录。',
  voluntary: '本主体自愿向社会公开作出信用承诺：依法诚信经营，遵守法律法规和行业规范，主动接受政府部门和社会监督；如有违反，愿意承担相应责任。',
  industry: '本主体承诺遵守行业自律公约和服务规范，诚信经营、公平竞争，不以不正当手段损害消费者和同行权益，自觉接受行业协会和社会监督。',
  repair: '本主体已纠正失信行为、履行相关义务，承诺今后依法诚信经营，不再发生同类失信行为；如有违反，同意从重实施信用惩戒。',
};

export const COMMITMENT_ACTIONS = ['kept', 'broken', 'revoke'] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];
export const COMMITMENT_ACTION_NAMES: Record<CommitmentAction, string> = { kept: '确认已履约', broken: '认定未履约', revoke: '撤销承诺' };

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const DateString = Type.String({ format: 'date' });
const Status = Type.Enum(COMMITMENT_STATUSES);
const CommitmentTypeSchema = Type.Enum(COMMITMENT_TYPES);

function Nullable<T extends TSchema>(t: T) {
  return Type.Union([t, Type.Null()]);
}

export const CommitmentInputSchema = Type.Object(
  {
    type: CommitmentTypeSchema,
    /** A matter code of /matters (licensing, commitment_approval …). */
    matter: Type.String({ minLength: 1, maxLength: 41 }),
    /** The concrete matter: 食品经营许可证新办 … */
    matterDetail: Type.String({ maxLength: 300, default: '' }),
    /** The promise; the standard text of the type unless edited. Empty is refused with COMMITMENT_TEXT_REQUIRED. */
    content: Type.String({ maxLength: 4000 }),
    /** Who made it: a subject account's own subject when omitted; required of a department registering paper. */
    subjectId: Type.Optional(Id),
    /** The accepting department: required of a subject account and of the credit centre; a department's staff register for their own. */
    departmentId: Type.Optional(Id),
    /** 履约期限 (YYYY-MM-DD); the type's default when omitted. */
    dueDate: Type.Optional(DateString),
    /** 信用修复型: the repair application it belongs to. */
    repairId: Type.Optional(Id),
    /** Paper: the person who signed (法定代表人 or authorised agent). */
    signerName: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CommitmentInput = Static<typeof CommitmentInputSchema>;

export const CommitmentTransitionSchema = Type.Object(
  { action: Type.Enum(COMMITMENT_ACTIONS), reason: Type.String({ maxLength: 2000, default: '' }) },
  { additionalProperties: false },
);
export type CommitmentTransition = Static<typeof CommitmentTransitionSchema>;

export const CommitmentListQuerySchema = Type.Object(
  {
    status: Type.Optional(Status),
    type: Type.Optional(CommitmentTypeSchema),
    /** Only commitments past their due date and not yet verified (待核查). */
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type CommitmentListQuery = Static<typeof CommitmentListQuerySchema>;

export const CommitmentSummarySchema = Type.Object({
  id: Type.Integer(),
  /** 承诺编号 CN20250616000042. */
  number: Type.String(),
  type: CommitmentTypeSchema,
  subjectId: Type.Integer(),
  subjectName: Type.String(),
  matter: Type.String(),
  matterName: Type.String(),
  matterDetail: Type.String(),
  content: Type.String(),
  signedVia: Type.Union([Type.Literal('online'), Type.Literal('upload')]),
  signerName: Type.String(),
  departmentId: Type.Integer(),
  departmentName: Type.String(),
  repairId: Nullable(Type.Integer()),
  signedOn: Type.String(),
  dueDate: Nullable(Type.String()),
  status: Status,
  /** Still signed and past its due date, by the clock's today: due for verification (待核查). */
  overdue: Type.Boolean(),
  hasFile: Type.Boolean(),
  verdictReason: Nullable(Type.String()),
  verdictBy: Nullable(Type.String()),
  verdictAt: Nullable(Type.String()),
  breachRecordId: Nullable(Type.Integer()),
});
export type CommitmentSummary = Static<typeof CommitmentSummarySchema>;

export const CommitmentEventSchema = Type.Object({ at: Type.String(), from: Nullable(Status), to: Status, reason: Type.String(), actorName: Nullable(Type.String()) });
export const CommitmentFileSchema = Type.Object({ fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });

export const CommitmentSchema = Type.Object({
  ...CommitmentSummarySchema.properties,
  file: Nullable(CommitmentFileSchema),
  events: Type.Array(CommitmentEventSchema),
});
export type Commitment = Static<typeof CommitmentSchema>;

export const CommitmentPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(CommitmentSummarySchema) });

/** What the signing forms offer: the types with their standard text, the matters, the accepting departments. */
export const CommitmentOptionsSchema = Type.Object({
  types: Type.Array(Type.Object({ type: CommitmentTypeSchema, name: Type.String(), template: Type.String(), notifyAndCommit: Type.Boolean() })),
  matters: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  departments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type CommitmentOptions = Static<typeof CommitmentOptionsSchema>;
