/**
 * Column codes of the national 双公示 collection templates, in template order (STANDARDS.md §2): the
 * catalogue's item codes, so generated files always match what the pipeline expects.
 */
import { GOVERNMENT_DISHONESTY_TOPIC, LICENCE_TOPIC, PENALTY_TOPIC } from '../catalog/builtin-topics.js';

/** 行政处罚 columns in the order of the national template. */
export const PENALTY_COLUMNS: readonly string[] = PENALTY_TOPIC.items.map((item) => item.code);

/** Columns a 行政处罚 row must fill in every case. */
export const PENALTY_REQUIRED: readonly string[] = PENALTY_TOPIC.items.filter((item) => item.required).map((item) => item.code);

/** 行政许可 columns in the order of the national template. */
export const LICENCE_COLUMNS: readonly string[] = LICENCE_TOPIC.items.map((item) => item.code);

/** Columns a 行政许可 row must fill in every case. */
export const LICENCE_REQUIRED: readonly string[] = LICENCE_TOPIC.items.filter((item) => item.required).map((item) => item.code);

/** 政务失信记录 columns (topic ZWSX). */
export const GOVERNMENT_COLUMNS: readonly string[] = GOVERNMENT_DISHONESTY_TOPIC.items.map((item) => item.code);
