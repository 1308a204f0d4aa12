/**
 * Column codes of the national 双公示 collection templates, in template order (STANDARDS.md §2).
 * Import and export files use these codes as headers.
 */

/** 行政处罚 columns in the order of the national template. */
export const PENALTY_COLUMNS = [
  'CF_XDR_MC',
  'CF_XDR_LB',
  'CF_XDR_SHXYM',
  'CF_XDR_GSZC',
  'CF_XDR_ZZJG',
  'CF_XDR_SWDJ',
  'CF_XDR_SYDW',
  'CF_XDR_SHZZ',
  'CF_FRDB',
  'CF_FR_ZJLX',
  'CF_FR_ZJHM',
  'CF_XDR_ZJLX',
  'CF_XDR_ZJHM',
  'CF_WSH',
  'CF_WFXW',
  'CF_SY',
  'CF_YJ',
  'CF_CFLB',
  'CF_NR',
  'CF_NR_FK',
  'CF_NR_WFFF',
  'CF_NR_ZKDX',
  'CF_JDRQ',
  'CF_YXQ',
  'CF_GSJZQ',
  'CF_CFJG',
  'CF_CFJGDM',
  'CF_SJLY',
  'CF_SJLYDM',
  'BZ',
] as const;

/** One 行政处罚 column code. */
export type PenaltyColumn = (typeof PENALTY_COLUMNS)[number];

/** Columns a 行政处罚 row must fill in every case. */
export const PENALTY_REQUIRED: readonly PenaltyColumn[] = [
  'CF_XDR_MC',
  'CF_XDR_LB',
  'CF_WSH',
  'CF_WFXW',
  'CF_SY',
  'CF_YJ',
  'CF_CFLB',
  'CF_NR',
  'CF_JDRQ',
  'CF_YXQ',
  'CF_CFJG',
  'CF_CFJGDM',
  'CF_SJLY',
  'CF_SJLYDM',
];

/** 行政许可 columns in the order of the national template. */
export const LICENCE_COLUMNS = [
  'XK_XDR_MC',
  'XK_XDR_LB',
  'XK_XDR_SHXYM',
  'XK_XDR_GSZC',
  'XK_XDR_ZZJG',
  'XK_XDR_SWDJ',
  'XK_XDR_SYDW',
  'XK_XDR_SHZZ',
  'XK_FRDB',
  'XK_FR_ZJLX',
  'XK_FR_ZJHM',
  'XK_XDR_ZJLX',
  'XK_XDR_ZJHM',
  'XK_XKWS',
  'XK_WSH',
  'XK_XKLB',
  'XK_XKZS',
  'XK_XKBH',
  'XK_NR',
  'XK_JDRQ',
  'XK_YXQZ',
  'XK_YXQZI',
  'XK_XKJG',
  'XK_XKJGDM',
  'XK_ZT',
  'XK_LYDW',
  'XK_LYDWDM',
  'BZ',
] as const;

/** One 行政许可 column code. */
export type LicenceColumn = (typeof LICENCE_COLUMNS)[number];

/** Columns a 行政许可 row must fill in every case. */
export const LICENCE_REQUIRED: readonly LicenceColumn[] = [
  'XK_XDR_MC',
  'XK_XDR_LB',
  'XK_XKWS',
  'XK_WSH',
  'XK_XKLB',
  'XK_JDRQ',
  'XK_YXQZ',
  'XK_YXQZI',
  'XK_XKJG',
  'XK_XKJGDM',
  'XK_LYDW',
  'XK_LYDWDM',
];
