import { Type, type Static } from 'typebox';

/** Request and response schemas of the credit check API (应查必查), shared with the web app. */

/** Most subjects one batch check may carry. */
export const MAX_BATCH_SUBJECTS = 10_000;
/** Largest page of the check log. */
export const MAX_CHECK_PAGE_SIZE = 50;

export const CHECK_VERDICTS = ['block', 'restrict', 'incentive', 'clear', 'not_found', 'ambiguous'] as const;
const Verdict = Type.Enum(CHECK_VERDICTS, {
  description: 'block 禁止 / restrict 限制或重点监管 / incentive 激励 / clear 未查见 / not_found 查无此主体 / ambiguous 名称对应多个主体',
});

/** Who is checked: exactly one key (the check says which, with a coded 400, when there are none or several). */
export const CheckSubjectQuerySchema = Type.Object(
  {
    uscc: Type.Optional(Type.String({ maxLength: 40, description: '统一社会信用代码' })),
    code: Type.Optional(Type.String({ maxLength: 40, description: '其他代码：组织机构代码、工商注册号，或统一社会信用代码' })),
    name: Type.Optional(Type.String({ maxLength: 200, description: '名称（完全一致；对应多个主体时答 ambiguous）' })),
    residentId: Type.Optional(Type.String({ maxLength: 40, description: '居民身份证号码（登记时脱敏保存）' })),
  },
  { additionalProperties: false },
);
export type CheckSubjectQuery = Static<typeof CheckSubjectQuerySchema>;

// matter, purpose and operator are optional in the schema so that a missing one gets its own coded error.
const CheckCommon = {
  matter: Type.Optional(Type.String({ maxLength: 64, description: '核查事项代码，如 tendering（招标投标）、procurement（政府采购）' })),
  purpose: Type.Optional(Type.String({ maxLength: 500, description: '查询用途（必填，登记在查询使用登记中）' })),
  operator: Type.Optional(Type.String({ maxLength: 100, description: '经办人（必填）' })),
};

export const CheckRequestSchema = Type.Object({ subject: Type.Optional(CheckSubjectQuerySchema), ...CheckCommon }, { additionalProperties: false });
export type CheckRequest = Static<typeof CheckRequestSchema>;

export const BatchCheckRequestSchema = Type.Object(
  { subjects: Type.Array(CheckSubjectQuerySchema, { description: `待核查主体，最多 ${MAX_BATCH_SUBJECTS} 个` }), ...CheckCommon },
  { additionalProperties: false },
);
export type BatchCheckRequest = Static<typeof BatchCheckRequestSchema>;

const LegalBasisSchema = Type.Object({ title: Type.String(), article: Type.Optional(Type.String()), docNo: Type.Optional(Type.String()) });
const Named = Type.Object({ id: Type.Integer(), name: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A list entry behind a measure: the list (with its legal basis) and the listing decision. */
export const CheckEntrySchema = Type.Object({
  id: Type.Integer(),
  listType: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String(), legalBasis: Type.Array(LegalBasisSchema) }),
  /** suspended: under objection (异议); its measures are shown but not applied. */
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
  /** Who is on the list: the checked subject, or the organisation it represents. */
  listedSubject: Named,
  decisionNo: NullableString,
  decisionDate: NullableString,
  department: NullableString,
  reasons: Type.String(),
  basis: NullableString,
  effectiveFrom: NullableString,
  expiresOn: NullableString,
});
export type CheckEntry = Static<typeof CheckEntrySchema>;

/** A measure that applies, with its legal basis and the entries that trigger it. */
export const CheckMeasureSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  content: Type.String(),
  kind: Type.Union([Type.Literal('punishment'), Type.Literal('incentive')]),
  strength: Type.String(),
  legalBasis: Type.Array(LegalBasisSchema),
  binds: Type.Array(Type.String()),
  /** Every entry behind it is under objection: shown, not applied. */
  suspended: Type.Boolean(),
  /** subject: binds the checked subject as such; legal_rep: binds it as legal representative of `legalRepresentativeOf`. */
  appliesTo: Type.Union([Type.Literal('subject'), Type.Literal('legal_rep')]),
  legalRepresentativeOf: Type.Union([Named, Type.Null()]),
  entries: Type.Array(CheckEntrySchema),
});
export type CheckMeasure = Static<typeof CheckMeasureSchema>;

export const CheckedSubjectSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  uscc: NullableString,
  /** Natural persons: the masked 居民身份证号码. */
  idMasked: NullableString,
  legalRepresentative: Type.Union([Named, Type.Null()]),
});
export type CheckedSubject = Static<typeof CheckedSubjectSchema>;

const MaskedQuerySchema = Type.Record(Type.String(), Type.String(), { description: '查询条件（个人证件号码已脱敏）' });

export const CheckResultSchema = Type.Object({
  checkId: Type.Integer({ description: '查询使用登记编号；登记处理结果时使用' }),
  at: Type.String(),
  verdict: Verdict,
  summary: Type.String(),
  matter: Type.Object({ code: Type.String(), name: Type.String() }),
  query: MaskedQuerySchema,
  subject: Type.Union([CheckedSubjectSchema, Type.Null()]),
  /** ambiguous: the subjects the name matches (persons masked). */
  candidates: Type.Array(CheckedSubjectSchema),
  blocking: Type.Array(CheckMeasureSchema),
  restrictions: Type.Array(CheckMeasureSchema),
  incentives: Type.Array(CheckMeasureSchema),
  /** Measures whose entries are all under objection: not applied. */
  suspended: Type.Array(CheckMeasureSchema),
  /** An organisation checked: the measures that bind its legal representative (落实到人). */
  legalRepresentative: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String(), measures: Type.Array(CheckMeasureSchema) }), Type.Null()]),
});
export type CheckResult = Static<typeof CheckResultSchema>;

export const BatchCheckResultSchema = Type.Object({
  batchId: Type.String(),
  count: Type.Integer(),
  verdicts: Type.Record(Type.String(), Type.Integer(), { description: '各结论的主体数' }),
  items: Type.Array(CheckResultSchema),
});
export type BatchCheckResult = Static<typeof BatchCheckResultSchema>;

export const CheckOutcomeRequestSchema = Type.Object(
  { outcome: Type.String({ maxLength: 500, description: '处理结果，如「报名被拦截」「准予报名」' }) },
  { additionalProperties: false },
);

export const CheckLogItemSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  department: Type.Union([Named, Type.Null()]),
  operator: Type.String(),
  purpose: Type.String(),
  matter: Type.Object({ code: Type.String(), name: Type.String() }),
  query: MaskedQuerySchema,
  subject: Type.Union([Named, Type.Null()]),
  verdict: Verdict,
  summary: Type.String(),
  batchId: NullableString,
  outcome: NullableString,
  outcomeAt: NullableString,
});
export type CheckLogItem = Static<typeof CheckLogItemSchema>;

export const CheckLogPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(CheckLogItemSchema) });
export type CheckLogPage = Static<typeof CheckLogPageSchema>;

export const CheckLogQuerySchema = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: MAX_CHECK_PAGE_SIZE, default: 20 }),
    verdict: Type.Optional(Verdict),
    matter: Type.Optional(Type.String({ maxLength: 64 })),
    subjectId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type CheckLogQuery = Static<typeof CheckLogQuerySchema>;

/** What a subject sees of the checks about it: who, when, for what matter and purpose (not the operator). */
export const MyCheckItemSchema = Type.Object({ at: Type.String(), department: Type.String(), matter: Type.String(), purpose: Type.String() });
export type MyCheckItem = Static<typeof MyCheckItemSchema>;
export const MyCheckPageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(MyCheckItemSchema) });
export type MyCheckPage = Static<typeof MyCheckPageSchema>;
export const MyCheckQuerySchema = Type.Object(
  { page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: MAX_CHECK_PAGE_SIZE, default: 20 }) },
  { additionalProperties: false },
);
