/**
 * Controlled vocabularies of the national 双公示 template (STANDARDS.md §2), as the generators
 * write them into rows.
 */

/** 处罚类别, current vocabulary (行政处罚法 2021, art. 9). */
export const PENALTY_CATEGORIES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
] as const;

/** One 处罚类别. */
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];

/** 许可类别. */
export const LICENCE_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

/** One 许可类别. */
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];

/** 行政相对人类别. */
export const SUBJECT_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;

/** One 行政相对人类别. */
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

/** 证件类型 values the generators use. */
export const ID_TYPES = ['身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证'] as const;

/** Several 处罚类别 in one cell are joined with this separator. */
export const CATEGORY_SEPARATOR = ';';
