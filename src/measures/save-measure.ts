import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { MeasureErrors } from './errors.js';
import { authorizeManageMeasures } from './policies.js';
import { getMeasure, presentMeasures } from './read-measures.js';
import * as repo from './repository.js';
import { INCENTIVE_STRENGTHS, type Measure, type MeasureInput } from './schemas.js';

const trimmed = (s: string | undefined) => (s ?? '').trim();

/**
 * Checks what the schema cannot: a legal basis (国办发〔2020〕49号), a strength that fits the kind,
 * known matters, list types and departments. Returns the ids to link.
 */
async function validate(db: Kysely<DB>, input: MeasureInput) {
  const legalBasis = input.legalBasis
    .map((b) => ({ title: trimmed(b.title), ...(trimmed(b.article) ? { article: trimmed(b.article) } : {}), ...(trimmed(b.docNo) ? { docNo: trimmed(b.docNo) } : {}) }))
    .filter((b) => b.title.length > 0);
  if (legalBasis.length === 0) throw new AppError(MeasureErrors.MEASURE_LEGAL_BASIS_REQUIRED);
  const incentive = (INCENTIVE_STRENGTHS as readonly string[]).includes(input.strength);
  if (incentive !== (input.kind === 'incentive')) throw new AppError(MeasureErrors.MEASURE_STRENGTH_MISMATCH, { kind: input.kind, strength: input.strength });

  const matters = new Set((await repo.listMatters(db)).filter((m) => m.active).map((m) => m.code));
  const unknownMatter = input.matters.find((code) => !matters.has(code));
  if (unknownMatter !== undefined) throw new AppError(MeasureErrors.MEASURE_MATTER_UNKNOWN, { matter: unknownMatter });

  const listTypes = await repo.findListTypesByCodes(db, input.listTypes);
  const unknownList = input.listTypes.find((code) => !listTypes.some((l) => l.code === code && l.status !== 'retired'));
  if (unknownList !== undefined) throw new AppError(MeasureErrors.MEASURE_LIST_TYPE_UNKNOWN, { listType: unknownList });
  // An incentive on a black list (or a punishment on a red one) is a mistake, never a policy.
  const mismatched = listTypes.find((l) => (l.kind === 'red') !== (input.kind === 'incentive'));
  if (mismatched) throw new AppError(MeasureErrors.MEASURE_LIST_KIND_MISMATCH, { listType: mismatched.code });

  const departments = await repo.findDepartmentsByCodes(db, input.departments);
  const unknownDepartment = input.departments.find((code) => !departments.some((d) => d.code === code));
  if (unknownDepartment !== undefined) throw new AppError(MeasureErrors.MEASURE_DEPARTMENT_UNKNOWN, { department: unknownDepartment });

  return {
    values: {
      code: input.code,
      name: input.name.trim(),
      content: input.content.trim(),
      kind: input.kind,
      strength: input.strength,
      legalBasis,
      matters: input.matters,
      binds: input.binds,
      responseWorkdays: input.responseWorkdays,
      active: input.active,
    },
    listTypeIds: listTypes.map((l) => l.id),
    departmentIds: departments.map((d) => d.id),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/** Adds a measure to the library; platform admins only. */
export async function createMeasure(ctx: AppContext, actor: Actor, input: MeasureInput): Promise<Measure> {
  authorizeManageMeasures(actor);
  const at = ctx.clock.now();
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.findMeasureByCode(trx, input.code)) throw new AppError(MeasureErrors.MEASURE_CODE_TAKEN, { code: input.code });
      const { values, listTypeIds, departmentIds } = await validate(trx, input);
      const id = await repo.insertMeasure(trx, { ...values, builtin: false }, at);
      await repo.linkListTypes(trx, id, listTypeIds);
      await repo.linkDepartments(trx, id, departmentIds);
      await writeAudit(trx, at, actor, { action: 'measure.create', entityType: 'measure', entityId: id, detail: { measure: input } });
      return id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError(MeasureErrors.MEASURE_CODE_TAKEN, { code: input.code });
      throw error;
    });
  return getMeasure(ctx, actor, id);
}

/**
 * Replaces a measure's definition. It applies to tasks opened from now on: open tasks keep their
 * department and due date and are neither cancelled nor re-created; the audit row keeps the definition
 * before and after, and how many pending tasks were opened under the old one.
 */
export async function updateMeasure(ctx: AppContext, actor: Actor, id: number, input: MeasureInput): Promise<Measure> {
  authorizeManageMeasures(actor);
  const at = ctx.clock.now();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const existing = await repo.findMeasureById(trx, id, { lock: true });
      if (!existing) throw new AppError(MeasureErrors.MEASURE_NOT_FOUND, { id });
      if (input.code !== existing.code && (await repo.findMeasureByCode(trx, input.code))) throw new AppError(MeasureErrors.MEASURE_CODE_TAKEN, { code: input.code });
      const [before] = await presentMeasures(trx, [existing]);
      const { values, listTypeIds, departmentIds } = await validate(trx, input);
      await repo.updateMeasure(trx, id, values, at);
      await repo.replaceLinks(trx, id, listTypeIds, departmentIds);
      const pendingTasks = await repo.countPendingTasksOfMeasure(trx, id);
      await writeAudit(trx, at, actor, {
        action: 'measure.update',
        entityType: 'measure',
        entityId: id,
        detail: {
          before: before && {
            ...before,
            listTypes: before.listTypes.map((l) => l.code),
            departments: before.departments.map((d) => d.code),
            matters: before.matters.map((m) => m.code),
          },
          after: input,
          appliesTo: 'tasks opened from now on',
          pendingTasksUnchanged: pendingTasks,
        },
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError(MeasureErrors.MEASURE_CODE_TAKEN, { code: input.code });
      throw error;
    });
  return getMeasure(ctx, actor, id);
}
