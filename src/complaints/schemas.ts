import { Type, type Static, type TSchema } from 'typebox';

export { COMPLAINT_HANDLING_WORKDAYS } from './deadlines.js';

export const COMPLAINT_CATEGORIES = ['fraud', 'contract', 'quality', 'wages', 'tax', 'false_advertising', 'other'] as const;
export const COMPLAINT_CATEGORY_NAMES: Record<(typeof COMPLAINT_CATEGORIES)[number], string> = {
  fraud: '欺诈',
  contract: '合同失信',
  quality: '产品质量',
  wages: '拖欠工资',
  tax: '涉税违法',
  false_advertising: '虚假宣传',
  other: '其他失信行为',
};
export const COMPLAINT_STATUSES = ['submitted', 'assigned', 'handling', 'concluded', 'rejected'] as const;
export type ComplaintStatusCode = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_NAMES: Record<ComplaintStatusCode, string> = {
  submitted: '已提交',
  assigned: '已交办',
  handling: '办理中',
  concluded: '已办结',
  rejected: '不予受理',
};
export const COMPLAINT_OUTCOMES = ['substantiated', 'unsubstantiated', 'partly'] as const;
export const COMPLAINT_OUTCOME_NAMES: Record<(typeof COMPLAINT_OUTCOMES)[number], string> = {
  substantiated: '情况属实',
  unsubstantiated: '情况不属实',
  partly: '部分属实',
};
export const COMPLAINT_ACTIONS = ['assign', 'start', 'conclude', 'reject'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
export const COMPLAINT_ACTION_NAMES: Record<ComplaintAction, string> = { assign: '交办', start: '开始办理', conclude: '办结', reject: '不予受理' };

/** Text a visitor types: no control characters other than tab and line breaks. */
const TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Status = Type.Enum(COMPLAINT_STATUSES);
const Category = Type.Enum(COMPLAINT_CATEGORIES, { description: 'fraud / contract / quality / wages / tax / false_advertising / other' });
const Outcome = Type.Enum(COMPLAINT_OUTCOMES, { description: 'substantiated / unsubstantiated / partly' });

/** TS + China date (YYYYMMDD) + 8 characters of an unambiguous alphabet. */
export const TrackingNumber = Type.String({ pattern: '^TS[0-9]{8}[0-9A-HJKMNP-TV-Z]{8}$', maxLength: 18 });

export const ComplaintInputSchema = Type.Object(
  {
    /** The subject complained about: its id when the visitor picked it from search, else a name and an optional code. */
    subject: Type.Object(
      {
        id: Type.Optional(Id),
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001F\\u007F]*\\S[^\\u0000-\\u001F\\u007F]*$' })),
        code: Type.Optional(Type.String({ minLength: 1, maxLength: 30, pattern: '^[0-9A-Za-z-]+$' })),
      },
      { additionalProperties: false },
    ),
    category: Category,
    description: Type.String({ minLength: 10, maxLength: 5000, pattern: TEXT }),
    /** Optional; stored encrypted, never shown to the department or the subject. */
    complainant: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\u0000-\\u001F\\u007F]+$' })),
          phone: Type.Optional(Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' })),
          idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ComplaintInput = Static<typeof ComplaintInputSchema>;

export const ComplaintReceiptSchema = Type.Object({
  trackingNumber: Type.String(),
  /** Shown once: the complainant keeps it to follow the complaint and add evidence. */
  queryCode: Type.String(),
});
export type ComplaintReceipt = Static<typeof ComplaintReceiptSchema>;

export const ComplaintTransitionSchema = Type.Object(
  {
    action: Type.Enum(COMPLAINT_ACTIONS),
    reason: Type.String({ maxLength: 2000, default: '' }),
    departmentId: Type.Optional(Id),
    outcome: Type.Optional(Outcome),
    result: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type ComplaintTransition = Static<typeof ComplaintTransitionSchema>;

export const RevealInputSchema = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false });
export const ComplainantSchema = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
});
export type Complainant = Static<typeof ComplainantSchema>;

export const ComplaintListQuerySchema = Type.Object(
  {
    status: Type.Optional(Status),
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type ComplaintListQuery = Static<typeof ComplaintListQuerySchema>;

function Nullable<T extends TSchema>(t: T) {
  return Type.Union([t, Type.Null()]);
}

/** What the complainant sees: no internal trail, no handler beyond the department's name. */
export const PublicComplaintSchema = Type.Object({
  trackingNumber: Type.String(),
  subjectName: Type.String(),
  category: Category,
  status: Status,
  statusName: Type.String(),
  departmentName: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  outcome: Nullable(Outcome),
  outcomeName: Nullable(Type.String()),
  result: Nullable(Type.String()),
  evidenceCount: Type.Integer(),
  submittedAt: Type.String(),
  concludedAt: Nullable(Type.String()),
});
export type PublicComplaint = Static<typeof PublicComplaintSchema>;

/** The console's view: never the complainant's identity. */
export const ComplaintSummarySchema = Type.Object({
  id: Type.Integer(),
  trackingNumber: Type.String(),
  subject: Type.Object({ id: Nullable(Type.Integer()), name: Type.String(), code: Nullable(Type.String()) }),
  category: Category,
  description: Type.String(),
  status: Status,
  departmentId: Nullable(Type.Integer()),
  departmentName: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  /** Assigned or handling and past the due date, by the clock's China date. */
  overdue: Type.Boolean(),
  outcome: Nullable(Outcome),
  result: Nullable(Type.String()),
  submittedAt: Type.String(),
  assignedAt: Nullable(Type.String()),
  concludedAt: Nullable(Type.String()),
});
export type ComplaintSummary = Static<typeof ComplaintSummarySchema>;

export const EvidenceSchema = Type.Object({ id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });
export type Evidence = Static<typeof EvidenceSchema>;

export const ComplaintSchema = Type.Object({
  ...ComplaintSummarySchema.properties,
  events: Type.Array(Type.Object({ at: Type.String(), from: Nullable(Status), to: Status, reason: Type.String(), actorName: Nullable(Type.String()) })),
  evidence: Type.Array(EvidenceSchema),
  /** Departments that submitted records about the subject: candidates for assignment. */
  sourceDepartments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type Complaint = Static<typeof ComplaintSchema>;

export const ComplaintPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(ComplaintSummarySchema) });
