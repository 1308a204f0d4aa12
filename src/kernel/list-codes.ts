/**
 * Codes of the built-in list types (src/lists/builtin-list-types.ts defines the lists themselves). Here
 * because the measure library refers to them too, and `lists` already depends on `measures` (joint
 * tasks open and close with entries): a shared vocabulary, not a dependency.
 */
export const LIST_CODES = {
  courtDishonest: 'SXBZXR',
  seriousIllegal: 'YZWFSX',
  abnormalOperation: 'JYYCML',
  majorTax: 'ZDSSWF',
  procurement: 'ZFCGSX',
  tourism: 'LYSCSX',
  transport: 'JTYSSX',
  productQuality: 'CPZLSX',
  tendering: 'ZTBSX',
  taxA: 'NSXYAJ',
  integrityModel: 'CXDX',
  contractKeeping: 'SHTZXY',
  brokenCommitment: 'WBCNZD',
} as const;
