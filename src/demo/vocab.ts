/**
 * Controlled vocabularies of the national 双公示 template (STANDARDS.md §2), as the generators write
 * them into rows. The lists themselves are the catalogue's, defined once there.
 */
import { LICENCE_TYPES, PENALTY_TYPES, SUBJECT_CATEGORIES } from '../catalog/vocabularies.js';

/** 处罚类别, current vocabulary (行政处罚法 2021, art. 9). */
export const PENALTY_CATEGORIES = PENALTY_TYPES;

/** One 处罚类别. */
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];

/** 许可类别. */
export const LICENCE_CATEGORIES = LICENCE_TYPES;

/** One 许可类别. */
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];

export { SUBJECT_CATEGORIES };

/** One 行政相对人类别. */
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

/** 证件类型 values the generators use (a subset of the catalogue's). */
export const ID_TYPES = ['身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证'] as const;

/** Several 处罚类别 in one cell are joined with this separator. */
export const CATEGORY_SEPARATOR = ';';
