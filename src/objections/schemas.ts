import { Type, type Static, type TSchema } from 'typebox';

export { OBJECTION_DEADLINES } from './deadlines.js';

export const OBJECTION_REASON_CODES = ['wrong', 'missing', 'duplicate', 'should_not_be_public', 'past_period', 'differs_from_source'] as const;
export const OBJECTION_REASON_NAMES: Record<(typeof OBJECTION_REASON_CODES)[number], string> = {
  wrong: '信息有误',
  missing: '信息缺失',
  duplicate: '信息重复',
  should_not_be_public: '不应公示',
  past_period: '超过公示期限',
  differs_from_source: '与原始信息不一致',
};
export const OBJECTION_STATUSES = ['submitted', 'accepted', 'refused', 'verifying', 'upheld', 'rejected', 'closed'] as const;
export const OBJECTION_STATUS_NAMES: Record<(typeof OBJECTION_STATUSES)[number], string> = {
  submitted: '已提交',
  accepted: '已受理',
  refused: '不予受理',
  verifying: '核查中',
  upheld: '异议成立',
  rejected: '异议不成立',
  closed: '已办结',
};
export const OBJECTION_ACTIONS = ['accept', 'refuse', 'uphold', 'reject'] as const;
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];
export const OBJECTION_ACTION_NAMES: Record<ObjectionAction, string> = { accept: '受理', refuse: '不予受理', uphold: '认定异议成立', reject: '认定异议不成立' };

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Status = Type.Enum(OBJECTION_STATUSES);
const ReasonCode = Type.Enum(OBJECTION_REASON_CODES, { description: 'wrong / missing / duplicate / should_not_be_public / past_period / differs_from_source' });

export const ObjectionInputSchema = Type.Object(
  {
    target: Type.Object({ kind: Type.Union([Type.Literal('record'), Type.Literal('list_entry')]), id: Id }, { additionalProperties: false }),
    reasonCode: ReasonCode,
    reasonText: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
    /** The credit centre filing for an upstream platform (信用中国 …): its name. */
    onBehalfOf: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type ObjectionInput = Static<typeof ObjectionInputSchema>;

export const ObjectionTransitionSchema = Type.Object(
  { action: Type.Enum(OBJECTION_ACTIONS), reason: Type.String({ maxLength: 2000, default: '' }) },
  { additionalProperties: false },
);
export type ObjectionTransition = Static<typeof ObjectionTransitionSchema>;

export const ObjectionListQuerySchema = Type.Object(
  {
    status: Type.Optional(Status),
    /** Only open objections past their current deadline. */
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type ObjectionListQuery = Static<typeof ObjectionListQuerySchema>;

function Nullable<T extends TSchema>(t: T) {
  return Type.Union([t, Type.Null()]);
}

export const ObjectionSummarySchema = Type.Object({
  id: Type.Integer(),
  target: Type.Object({ kind: Type.Union([Type.Literal('record'), Type.Literal('list_entry')]), id: Type.Integer() }),
  subjectId: Type.Integer(),
  applicantKind: Type.Union([Type.Literal('subject'), Type.Literal('department'), Type.Literal('upstream_platform')]),
  applicantName: Type.String(),
  reasonCode: ReasonCode,
  reasonText: Type.String(),
  status: Status,
  sourceDepartmentId: Nullable(Type.Integer()),
  acceptDue: Type.String(),
  verifyDue: Nullable(Type.String()),
  /** Open and past its current deadline (accept_due while submitted, verify_due while verifying), by the clock's today. */
  overdue: Type.Boolean(),
  decision: Nullable(Type.Union([Type.Literal('refused'), Type.Literal('upheld'), Type.Literal('rejected')])),
  decisionReasons: Nullable(Type.String()),
  submittedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
export type ObjectionSummary = Static<typeof ObjectionSummarySchema>;

export const ObjectionEventSchema = Type.Object({
  at: Type.String(),
  from: Nullable(Status),
  to: Status,
  reason: Type.String(),
  actorName: Nullable(Type.String()),
});
export const EvidenceSchema = Type.Object({ id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });
export type Evidence = Static<typeof EvidenceSchema>;

export const ObjectionSchema = Type.Object({
  ...ObjectionSummarySchema.properties,
  events: Type.Array(ObjectionEventSchema),
  evidence: Type.Array(EvidenceSchema),
});
export type Objection = Static<typeof ObjectionSchema>;

export const ObjectionPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(ObjectionSummarySchema) });
