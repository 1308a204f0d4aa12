import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** 事项: what a credit check asks about and what a measure applies to. Installations may add more. */
export const BUILTIN_MATTERS: readonly { code: string; name: string }[] = [
  { code: 'procurement', name: '政府采购' },
  { code: 'tendering', name: '招标投标' },
  { code: 'fiscal_funds', name: '财政资金安排' },
  { code: 'licensing', name: '行政许可' },
  { code: 'commitment_approval', name: '告知承诺审批' },
  { code: 'land_supply', name: '国有土地出让' },
  { code: 'honours', name: '评优评先' },
  { code: 'civil_service', name: '公务员招录' },
  { code: 'public_office', name: '担任国有企业及事业单位负责人' },
  { code: 'high_consumption', name: '高消费' },
  { code: 'market_access', name: '市场准入' },
  { code: 'supervision', name: '日常监管' },
  { code: 'financing', name: '融资授信' },
];

/** Adds the built-in matters an installation lacks. */
export async function ensureBuiltinMatters(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('matters')
    .values(BUILTIN_MATTERS.map((m) => ({ code: m.code, name: m.name, builtin: true })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
