/** The kinds of identifier the library recognises; `unknown` when the shape matches none of them. */
export type CodeKind = 'uscc' | 'org-code' | 'reg-no' | 'resident-id' | 'unknown';

export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * Stable issue codes. Clients and batch error reports key on these, so they are never renamed;
 * the Chinese message may be reworded freely.
 */
export const CODE_ISSUE_CODES = [
  'empty',
  'bad-length',
  'bad-character',
  'unknown-authority',
  'unknown-category',
  'region-not-digits',
  'unknown-region',
  'checksum-mismatch',
  'org-code-checksum-mismatch',
  'placeholder',
  'bad-address-code',
  'bad-birth-date',
  'birth-date-in-future',
  'birth-date-too-early',
] as const;

export type CodeIssueCode = (typeof CODE_ISSUE_CODES)[number];

export interface CodeIssue {
  code: CodeIssueCode;
  severity: IssueSeverity;
  /** Chinese, for the person who typed the code: which position, which character, what was expected. */
  message: string;
}

export interface UsccDetails {
  authority?: string;
  authorityName?: string;
  category?: string;
  categoryName?: string;
  /** Positions 3–8: the registering authority's administrative division (GB/T 2260). */
  region?: string;
  /** Positions 9–17: the embedded 组织机构代码, without hyphen. */
  orgCode?: string;
  /** Present when the check character is wrong: what it should have been. */
  expectedCheck?: string;
  /** The `00000000000000000X` stand-in for a 个体工商户 that has no USCC. */
  placeholder?: boolean;
  /**
   * Only the check character is wrong and there is no other issue, not even a warning: possibly a real code from
   * the pilot period, which a catalogue setting may choose to accept.
   */
  pilotEraCandidate?: boolean;
}

export interface OrgCodeDetails {
  /** `XXXXXXXX-X`, the way the code is printed on certificates. */
  display?: string;
  expectedCheck?: string;
}

export interface RegNoDetails {
  /** Digits 1–6: the registering authority's administrative division. */
  region?: string;
  expectedCheck?: string;
}

export interface ResidentIdDetails {
  /** Digits 1–6: the address code. */
  region?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  sex?: 'M' | 'F';
  expectedCheck?: string;
}

interface ValidationBase<K extends CodeKind, D> {
  /** False when any issue has severity `error`. */
  valid: boolean;
  kind: K;
  normalized: string;
  issues: CodeIssue[];
  details: D;
}

export type UsccValidation = ValidationBase<'uscc', UsccDetails>;
export type OrgCodeValidation = ValidationBase<'org-code', OrgCodeDetails>;
export type RegNoValidation = ValidationBase<'reg-no', RegNoDetails>;
export type ResidentIdValidation = ValidationBase<'resident-id', ResidentIdDetails>;
export type UnknownCodeValidation = ValidationBase<'unknown', Record<string, never>>;

export type CodeValidation =
  | UsccValidation
  | OrgCodeValidation
  | RegNoValidation
  | ResidentIdValidation
  | UnknownCodeValidation;

export interface ValidateOptions {
  /** `YYYY-MM-DD`; birth dates after it are rejected. Defaults to today in China Standard Time. */
  today?: string;
}
