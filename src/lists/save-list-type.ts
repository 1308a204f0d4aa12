import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { ListErrors } from './errors.js';
import { authorizeManageListTypes } from './policies.js';
import { getListTypeView } from './read-lists.js';
import * as repo from './repository.js';
import type { ListTypeInput, ListTypeView } from './schemas.js';

/** 国办发〔2020〕49号: no list without a basis of law, regulation or a central document. */
function checkActivation(input: ListTypeInput): void {
  if (input.status === 'active' && input.legalBasis.filter((b) => b.title.trim() !== '').length === 0)
    throw new AppError(ListErrors.LIST_TYPE_LEGAL_BASIS_REQUIRED, { name: input.name });
}

async function checkDepartment(ctx: AppContext, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const names = await repo.departmentNames(ctx.db, [id]);
  if (!names.has(id)) throw new AppError(ListErrors.LIST_TYPE_INVALID, { detail: `没有编号为 ${id} 的部门` });
}

function definitionOf(input: ListTypeInput) {
  return {
    code: input.code,
    name: input.name.trim(),
    kind: input.kind,
    legalBasis: input.legalBasis.filter((b) => b.title.trim() !== ''),
    authority: input.authority.trim(),
    criteria: input.criteria.trim(),
    exitConditions: input.exitConditions.trim(),
    remedies: input.remedies.trim(),
    defaultDurationMonths: input.defaultDurationMonths,
    noticeWorkdays: input.noticeWorkdays,
    serious: input.serious,
    publishPersons: input.publishPersons,
    minorsExcluded: input.minorsExcluded,
  };
}

/** Creates a list type (draft or active); the credit centre only. */
export async function createListType(ctx: AppContext, actor: Actor, input: ListTypeInput): Promise<ListTypeView> {
  authorizeManageListTypes(actor);
  checkActivation(input);
  await checkDepartment(ctx, input.authorityDepartmentId);
  const at = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findListTypeByCode(trx, input.code)) throw new AppError(ListErrors.LIST_TYPE_EXISTS, { code: input.code });
    const row = await repo.insertListType(trx, definitionOf(input), {
      at,
      builtin: false,
      status: input.status === 'retired' ? 'draft' : input.status,
      authorityDepartmentId: input.authorityDepartmentId ?? null,
    });
    await writeAudit(trx, at, actor, { action: 'list_type.create', entityType: 'list_type', entityId: row.id, detail: { code: input.code, status: input.status } });
    return row.id;
  });
  return getListTypeView(ctx, id);
}

/**
 * Changes a list type. The code stays; entries already decided keep the dates they were given (a new
 * default duration applies to entries that come into force later).
 */
export async function updateListType(ctx: AppContext, actor: Actor, id: number, input: ListTypeInput): Promise<ListTypeView> {
  authorizeManageListTypes(actor);
  checkActivation(input);
  await checkDepartment(ctx, input.authorityDepartmentId);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findListTypeById(trx, id);
    if (!existing) throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code: String(id) });
    if (existing.code !== input.code) throw new AppError(ListErrors.LIST_TYPE_INVALID, { detail: `名单类型代码不能修改（${existing.code}）` });
    const def = definitionOf(input);
    await repo.updateListType(trx, id, def, { at, status: input.status, authorityDepartmentId: input.authorityDepartmentId ?? null });
    await writeAudit(trx, at, actor, {
      action: 'list_type.update',
      entityType: 'list_type',
      entityId: id,
      detail: { code: existing.code, before: { status: existing.status, legalBasis: existing.legal_basis, defaultDurationMonths: existing.default_duration_months }, after: { status: input.status, legalBasis: def.legalBasis, defaultDurationMonths: def.defaultDurationMonths } },
    });
  });
  return getListTypeView(ctx, id);
}
