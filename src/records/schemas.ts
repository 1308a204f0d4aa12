import { Type, type Static } from 'typebox';
import { TOPIC_CATEGORIES } from '../catalog/vocabularies.js';

/**
 * TypeBox schemas of the record views (views.ts holds the same shapes as TypeScript types). Pure: the
 * web app imports the types below.
 */

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Badge = Type.Union([Type.Literal('red'), Type.Literal('black'), Type.Literal('watch')]);

export const RecordFieldSchema = Type.Object({ code: Type.String(), name: Type.String(), value: Type.String() });

export const RecordViewSchema = Type.Object({
  id: Type.Integer(),
  /** Absent or 'record': a credit record; 'list_entry': an entry of a list; 'commitment': a credit commitment (信用承诺). */
  source: Type.Optional(Type.Union([Type.Literal('record'), Type.Literal('list_entry'), Type.Literal('commitment')])),
  topicCode: Type.String(),
  topicName: Type.String(),
  category: Type.Enum(TOPIC_CATEGORIES),
  departmentName: Type.String(),
  decisionDate: Nullable(Type.String()),
  documentNo: Nullable(Type.String()),
  title: Type.String(),
  publishUntil: Nullable(Type.String()),
  fields: Type.Array(RecordFieldSchema),
  /** 异议处理中: an accepted objection to the record is being verified. */
  underObjection: Type.Optional(Type.Boolean()),
});

export const RegistrationViewSchema = Type.Object({
  recordId: Type.Integer(),
  topicName: Type.String(),
  departmentName: Type.String(),
  approvedOn: Nullable(Type.String()),
  fields: Type.Array(RecordFieldSchema),
});

export const SubjectViewSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  uscc: Nullable(Type.String()),
  codes: Type.Array(Type.Object({ kind: Type.String(), value: Type.String() })),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String({ description: '行政区划名称（如 福建省福州市鼓楼区）' })),
  status: Nullable(Type.String({ description: '登记状态（存续、吊销、注销 …），取自最新的市场主体登记信息' })),
  registration: Type.Union([RegistrationViewSchema, Type.Null()]),
  legalRepName: Nullable(Type.String()),
  formerNames: Type.Array(Type.String()),
  badges: Type.Array(Badge),
});

export const SubjectRecordViewSchema = Type.Object({
  subject: SubjectViewSchema,
  scope: Type.Union([Type.Literal('public'), Type.Literal('shared')]),
  asOf: Type.String(),
  sections: Type.Array(Type.Object({ category: Type.Enum(TOPIC_CATEGORIES), records: Type.Array(RecordViewSchema) })),
});

export const PublicStatsSchema = Type.Object({
  subjects: Type.Integer(),
  records: Type.Integer(),
  publicationsThisMonth: Type.Integer(),
  departments: Type.Integer(),
  asOf: Type.String(),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);
/** 政务诚信: government bodies, their 政务失信记录 in force, and those on punishment lists. */
export const GovernmentIntegritySchema = Type.Object({
  /** Government bodies (USCC 11…) known to the platform as credit subjects. */
  bodies: Type.Integer(),
  bodiesWithRecords: Type.Integer(),
  /** 政务失信记录 inside their publication window. */
  records: Type.Integer(),
  /** Of those, records whose 整改情况 is filled. */
  remedied: Type.Integer(),
  byType: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
  recent: Type.Array(
    Type.Object({
      recordId: Type.Integer(),
      subjectId: Type.Integer(),
      subjectName: Type.String(),
      type: Type.String(),
      decisionDate: NullableString,
      finder: Type.String(),
      amount: NullableString,
      remedied: Type.Boolean(),
    }),
  ),
  listedBodies: Type.Integer(),
  listEntries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      subjectId: Type.Union([Type.Integer(), Type.Null()]),
      subjectName: Type.String(),
      listName: Type.String(),
      decisionNo: NullableString,
      effectiveFrom: NullableString,
      reasons: Type.String(),
    }),
  ),
  asOf: Type.String(),
});
export type GovernmentIntegrity = Static<typeof GovernmentIntegritySchema>;

export const PublicationQuerySchema = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('licence'), Type.Literal('penalty')])),
    department: Type.Optional(Type.String({ pattern: '^[A-Z0-9_]{2,32}$' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);

export const PublicationPageSchema = Type.Object({
  total: Type.Integer(),
  totalIsLowerBound: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      recordId: Type.Integer(),
      subjectId: Type.Integer(),
      subjectName: Type.String(),
      kind: Type.Union([Type.Literal('licence'), Type.Literal('penalty')]),
      topicName: Type.String(),
      departmentCode: Type.String(),
      departmentName: Type.String(),
      decisionDate: Nullable(Type.String()),
      documentNo: Nullable(Type.String()),
      title: Type.String(),
    }),
  ),
});

export const RecordBrowseQuerySchema = Type.Object(
  {
    subject: Type.Optional(Type.Integer({ minimum: 1 })),
    topic: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,40}$' })),
    department: Type.Optional(Type.String({ pattern: '^[A-Z0-9_]{2,32}$' })),
    batch: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 60, pattern: '^[^\\u0000-\\u001f]*$' })),
    history: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

const RecordSummaryProperties = {
  id: Type.Integer(),
  topicCode: Type.String(),
  topicName: Type.String(),
  subjectId: Type.Integer(),
  subjectName: Type.String(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  decisionDate: Nullable(Type.String()),
  documentNo: Nullable(Type.String()),
  title: Type.String(),
  version: Type.Integer(),
  isCurrent: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn'), Type.Literal('repaired')]),
  receivedAt: Type.String(),
  batchId: Type.Integer(),
  publishUntil: Nullable(Type.String()),
};

export const RecordPageSchema = Type.Object({
  total: Type.Integer(),
  totalIsLowerBound: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Type.Object(RecordSummaryProperties)),
});

export const RecordDetailSchema = Type.Object({
  record: Type.Object({ ...RecordSummaryProperties, fields: Type.Array(RecordFieldSchema) }),
  versions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      version: Type.Integer(),
      isCurrent: Type.Boolean(),
      receivedAt: Type.String(),
      batchId: Type.Integer(),
      supersededAt: Nullable(Type.String()),
    }),
  ),
});

export type RecordPage = Static<typeof RecordPageSchema>;
export type RecordSummary = RecordPage['items'][number];
export type RecordDetail = Static<typeof RecordDetailSchema>;
