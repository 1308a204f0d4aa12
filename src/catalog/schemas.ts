import { Type, type Static } from 'typebox';
import { DISCLOSURES, SUBJECT_KINDS, SUBMISSION_CYCLES, TOPIC_CATEGORIES } from './vocabularies.js';

/** The schemas of the catalogue, shared by its routes, its storage and the console's forms. */

const Code = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,40}$', description: '数据项代码，如 CF_XDR_MC' });

export const DataItemSchema = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    type: Type.Union([
      Type.Literal('text'),
      Type.Literal('date'),
      Type.Literal('amount'),
      Type.Literal('integer'),
      Type.Literal('enum'),
      Type.Literal('code'),
    ]),
    required: Type.Boolean(),
    enum: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 500 })),
    /** Other spellings accepted and stored as the value they map to (legacy codes). */
    enumAliases: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** Values starting with this prefix are accepted too (e.g. 证件类型 `其他-…`). */
    enumOpenPrefix: Type.Optional(Type.String()),
    /** Several values separated by ';' (also '；', '、' or ','). */
    multiple: Type.Optional(Type.Boolean()),
    codeKind: Type.Optional(
      Type.Union([Type.Literal('uscc'), Type.Literal('org-code'), Type.Literal('reg-no'), Type.Literal('resident-id')]),
    ),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    disclosure: Type.Enum(DISCLOSURES),
    /** Personal data: stored encrypted, shown masked, never logged. */
    personal: Type.Optional(Type.Boolean()),
    aliases: Type.Optional(Type.Array(Type.String())),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DataItem = Static<typeof DataItemSchema>;

/** Which items carry the subject's identity (行政相对人). */
export const SubjectMappingSchema = Type.Object(
  {
    name: Code,
    category: Type.Optional(Code),
    uscc: Type.Optional(Code),
    orgCode: Type.Optional(Code),
    regNo: Type.Optional(Code),
    taxNo: Type.Optional(Code),
    institutionCert: Type.Optional(Code),
    socialOrgCert: Type.Optional(Code),
    idType: Type.Optional(Code),
    idNumber: Type.Optional(Code),
    legalRepName: Type.Optional(Code),
    legalRepIdType: Type.Optional(Code),
    legalRepIdNumber: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type SubjectMapping = Static<typeof SubjectMappingSchema>;

export const PublicationRuleSchema = Type.Object(
  {
    /** none: never public; months: a fixed window; severity-tiers: STANDARDS.md §3; validity: while in force. */
    kind: Type.Union([Type.Literal('none'), Type.Literal('months'), Type.Literal('severity-tiers'), Type.Literal('validity')]),
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
    defaultSeverity: Type.Optional(Type.Union([Type.Literal('minor'), Type.Literal('general'), Type.Literal('serious')])),
  },
  { additionalProperties: false },
);

export const TopicDefinitionSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,40}$' }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    category: Type.Enum(TOPIC_CATEGORIES),
    description: Type.String({ maxLength: 2000 }),
    items: Type.Array(DataItemSchema, { minItems: 1, maxItems: 300 }),
    /** Items whose values identify one record; a re-submission with the same key is a new version. */
    businessKey: Type.Array(Code, { minItems: 1, maxItems: 6 }),
    /** Items whose fill rate the batch report shows (关键字段完整率). */
    keyFields: Type.Array(Code, { maxItems: 60 }),
    subject: SubjectMappingSchema,
    decisionDateItem: Type.Optional(Code),
    publicationEndItem: Type.Optional(Code),
    /** For `validity` publication: the item holding the last day the licence is in force (有效期至). */
    validityEndItem: Type.Optional(Code),
    /**
     * The enumeration item holding the subject's registration status (登记状态): the newest current record
     * (by decision date) of a topic with one gives its subject's status (`subjects.status`).
     */
    statusItem: Type.Optional(Code),
    /** 双公示 timeliness: working days allowed between decision and receipt; absent when not applicable. */
    timelinessWorkdays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    publication: PublicationRuleSchema,
    /** Departments expected to submit this topic (codes); empty means any department may. */
    sourceDepartments: Type.Array(Type.String(), { maxItems: 200 }),
    submissionCycle: Type.Enum(SUBMISSION_CYCLES),
    /** Accept pilot-era USCCs with a wrong check character (STANDARDS.md §1) as a warning. */
    acceptPilotChecksum: Type.Boolean(),
    /**
     * The kinds of subject the topic is about, when it is not about anyone (政务失信记录: government bodies
     * only, known by their USCC 11…); a row about another kind is refused (`subject-kind-not-allowed`).
     */
    subjectKinds: Type.Optional(Type.Array(Type.Enum(SUBJECT_KINDS), { minItems: 1, maxItems: 7 })),
  },
  { additionalProperties: false },
);
export type TopicDefinition = Static<typeof TopicDefinitionSchema>;

/** A topic as the API presents it. */
export const TopicSchema = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  builtin: Type.Boolean(),
  active: Type.Boolean(),
  definition: TopicDefinitionSchema,
});
export type Topic = Static<typeof TopicSchema>;
