// Public surface of the demo-city generators: pure, deterministic data generation from a seed.
// No database and no HTTP here; the code that stores or serves the data lives elsewhere.

/** A whole demo city, the streaming row generators and the subject pool builder. */
export { generateCity, generatePool, licenceRows, penaltyRows, STREAM_POOL } from './city.js';
/** Options and result of the city and stream generators. */
export type { CityOptions, DemoCity, InvalidRowLabel, NameVariantLabel, PoolSizes, StreamOptions } from './city.js';

/** 福州市 with its divisions, townships and roads; former and neighbouring ID address codes. */
export { FUZHOU, ORIGIN_REGION_CODES, districtByCode } from './region.js';
/** Shapes of the region data. */
export type { DemoRegion, District } from './region.js';

/** Source departments and the credit centre, with their USCCs and the cases they decide. */
export { DEPARTMENTS, departmentByCode } from './departments.js';
/** Shape of a department. */
export type { Department } from './departments.js';

/** Subject generators. */
export {
  generateAddress,
  generateEnterprise,
  generateIndividualBusiness,
  generatePerson,
  generatePublicInstitution,
  generateSocialOrganisation,
} from './subjects.js';
/** Subject shapes and generator options. */
export type {
  DemoEnterprise,
  DemoIndividualBusiness,
  DemoOrganisation,
  DemoPerson,
  DemoPublicInstitution,
  DemoSocialOrganisation,
  DemoSubject,
  IdType,
  SubjectKind,
  SubjectOptions,
} from './subjects.js';

/** Row generators and their shared context. */
export {
  createRecordContext,
  fenToWan,
  generateLicence,
  generateLicenceRow,
  generatePenalty,
  generatePenaltyRow,
  nameVariant,
  spreadDay,
  subjectCategory,
} from './records.js';
/** Row generator types. */
export type { GeneratedRow, NameVariantKind, RecordContext, RecordContextOptions, RowOptions, SubjectPool } from './records.js';

/** Deliberately invalid rows with the error each should produce. */
export { INVALID_KINDS, applicableKinds, spoilRow } from './invalid.js';
/** Invalid-row types. */
export type { InvalidKind, InvalidLabel, Topic } from './invalid.js';

/** National template column codes, in template order, and the required ones. */
export { GOVERNMENT_COLUMNS, LICENCE_COLUMNS, LICENCE_REQUIRED, PENALTY_COLUMNS, PENALTY_REQUIRED } from './columns.js';

/** 政务诚信: government bodies, 政务失信记录 rows, a government body on 失信被执行人. */
export { generateGovernmentBodies, governmentDishonestyRows, governmentListDecisions, type DemoGovernmentBody } from './government.js';

/** 市场主体登记信息 rows (topic DJXX) of the enterprises and 个体工商户, and their columns. */
export { REGISTRATION_COLUMNS, registrationRows, type RegistrationOptions } from './registrations.js';

/** RFC 4180 CSV output. */
export { csvField, csvLine, toCsv } from './csv.js';

/** Template vocabularies. */
export { CATEGORY_SEPARATOR, ID_TYPES, LICENCE_CATEGORIES, PENALTY_CATEGORIES, SUBJECT_CATEGORIES } from './vocab.js';
/** Vocabulary types. */
export type { LicenceCategory, PenaltyCategory, SubjectCategory } from './vocab.js';

/** Shape of the penalty cases departments decide (see `Department.penaltyTemplates`). */
export type { CaseContext, CaseOutcome, PenaltyTemplate } from './penalty-templates.js';
/** Shape of the licence kinds departments grant (see `Department.licenceTemplates`). */
export type { LicenceContext, LicenceTemplate, Validity } from './licence-templates.js';

/** Seeded-random helpers. */
export { chance, deriveSeed, int, logUniform, pick, weighted } from './rng.js';
/** A seeded generator of numbers in [0, 1), as returned by `createRng` from `src/codes`. */
export type { Rng } from './rng.js';
/** Sector of a subject. */
export type { Sector } from './names.js';
/** Articles of the demo website. */
export { DEMO_ARTICLES, type DemoArticle } from './articles.js';

/** The demo city's listing decisions (black, watch and red lists), replayed by the demo loader. */
export { generateListDecisions, type DemoFollowUp, type DemoListDecision } from './lists.js';

/** The demo city's credit commitments (kept, broken, overdue, government bodies' 政务服务承诺) and a scan for paper ones. */
export { demoScan, generateCommitments } from './commitments.js';
export type { DemoCommitment, DemoVerdict } from './commitments.js';
