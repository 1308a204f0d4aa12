// Public surface of the identifier library: pure functions, no database, no I/O.

/** Seeded PRNG (mulberry32) returning numbers in [0, 1), for reproducible demo, test and bench data. */
export { createRng } from './create-rng.js';
/** A valid USCC; default authority '9' (工商), category '1' (企业), a real region code. */
export { generateUscc } from './generate-uscc.js';
/** Options of `generateUscc`: authority, category, 6-digit region. */
export type { GenerateUsccOptions } from './generate-uscc.js';
/** A valid 9-character 组织机构代码 without hyphen. */
export { generateOrgCode } from './generate-org-code.js';
/** A valid 15-digit 工商注册号, optionally in a given 6-digit region. */
export { generateRegNo } from './generate-reg-no.js';
/** A valid synthetic 居民身份证号码 with optional region, birth date and sex. */
export { generateResidentId } from './generate-resident-id.js';
/** Options of `generateResidentId`: region, birth date `YYYY-MM-DD`, sex. */
export type { GenerateResidentIdOptions } from './generate-resident-id.js';
/** Real division codes the generators draw from when no region is given. */
export { SAMPLE_REGION_CODES } from './sample-regions.js';

/** Canonical form of any identifier: trimmed, half-width, upper-case, no spaces or hyphens. */
export { normalizeCode } from './normalize-code.js';
/** Detects the kind of identifier and validates it; returns issues, never throws on bad input. */
export { validateCode } from './validate-code.js';
/** Validates a 统一社会信用代码 (GB 32100-2015). */
export { validateUscc } from './validate-uscc.js';
/** Validates a 组织机构代码 (GB 11714), with or without hyphen. */
export { validateOrgCode } from './validate-org-code.js';
/** Validates a 15-digit 工商注册号 (ISO 7064 MOD 11,10). */
export { validateRegNo } from './validate-reg-no.js';
/** Validates a 居民身份证号码 (GB 11643); `today` bounds the birth date. */
export { validateResidentId } from './validate-resident-id.js';

/** USCC check character of the first 17 characters; throws if they are not well-formed. */
export { usccCheckChar } from './uscc.js';
/** Positions 9–17 of a normalized USCC: the embedded 组织机构代码, or undefined. */
export { orgCodeFromUscc } from './uscc.js';
/** Positions 3–8 of a normalized USCC: the registering authority's division code, or undefined. */
export { regionOfUscc } from './uscc.js';
/** The USCC alphabet, values 0–30 in order. */
export { USCC_ALPHABET } from './uscc.js';
/** `00000000000000000X`, submitted for a 个体工商户 without a USCC. */
export { USCC_PLACEHOLDER } from './uscc.js';
/** 登记管理部门 → name and 机构类别 names. */
export { USCC_AUTHORITIES } from './uscc-authorities.js';
/** Shape of one `USCC_AUTHORITIES` entry. */
export type { UsccAuthority } from './uscc-authorities.js';
/** GB 11714 check character of an 8-character body; throws if the body is not well-formed. */
export { orgCodeCheckChar } from './org-code.js';
/** `XXXXXXXX-X` display form of a normalized 9-character 组织机构代码. */
export { formatOrgCode } from './org-code.js';
/** Check digit of a 工商注册号 from its first 14 digits; throws if they are not digits. */
export { regNoCheckDigit } from './reg-no.js';
/** Check character of a 居民身份证号码 from its first 17 digits; throws if they are not digits. */
export { residentIdCheckChar } from './resident-id.js';
/** Province-level codes allowed at the start of a 居民身份证 address code, with names. */
export { PROVINCE_CODES } from './resident-id.js';
/** Names of 福建省's prefecture- and county-level divisions (GB/T 2260), a plain table to extend. */
export { REGION_NAMES } from './region-names.js';
/** The full name of a division code: 350102 → 福建省福州市鼓楼区 (as far as the table knows it). */
export { regionNameOf } from './region-names.js';
/** Published form of a 居民身份证号码: birth month and day replaced by `****`. */
export { maskResidentId } from './mask-resident-id.js';

/** Every stable issue code, e.g. for documentation and exhaustive tests. */
export { CODE_ISSUE_CODES } from './types.js';
/** Result and option types of the validators. */
export type {
  CodeIssue,
  CodeIssueCode,
  CodeKind,
  CodeValidation,
  IssueSeverity,
  OrgCodeDetails,
  OrgCodeValidation,
  RegNoDetails,
  RegNoValidation,
  ResidentIdDetails,
  ResidentIdValidation,
  UnknownCodeValidation,
  UsccDetails,
  UsccValidation,
  ValidateOptions,
} from './types.js';
/** The library's error catalogue entries (for invalid arguments, not invalid codes). */
export { CodesErrors } from './errors.js';
