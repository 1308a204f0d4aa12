import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { checkLogScope, requireSubjectAccount } from './policies.js';
import * as repo from './repository.js';
import type { CheckLogPage, CheckLogQuery, MyCheckPage } from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** 查询使用登记: the credit centre and auditors see every check, a department its own; newest first. */
export async function listChecks(ctx: AppContext, actor: Actor, query: CheckLogQuery): Promise<CheckLogPage> {
  const departmentId = checkLogScope(actor);
  const { total, rows } = await repo.listCheckLog(
    ctx.db,
    { departmentId, verdict: query.verdict, matter: query.matter, subjectId: query.subjectId },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      at: iso(r.at)!,
      department: r.department_id === null ? null : { id: r.department_id, name: r.department_name ?? '' },
      operator: r.operator,
      purpose: r.purpose,
      matter: { code: r.matter, name: r.matter_name ?? r.matter },
      query: r.query as Record<string, string>,
      subject: r.subject_id === null ? null : { id: r.subject_id, name: r.subject_name ?? '' },
      verdict: r.verdict,
      summary: r.summary,
      batchId: r.batch_id,
      outcome: r.outcome,
      outcomeAt: iso(r.outcome_at),
    })),
  };
}

/** Which departments checked the signed-in subject account's subject: department, time, matter, purpose (not who). */
export async function listMyChecks(ctx: AppContext, actor: Actor, page: { page: number; pageSize: number }): Promise<MyCheckPage> {
  const subjectId = requireSubjectAccount(actor);
  const { total, rows } = await repo.listChecksAbout(ctx.db, subjectId, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  return {
    total,
    page: page.page,
    pageSize: page.pageSize,
    items: rows.map((r) => ({ at: iso(r.at)!, department: r.department_name ?? '信用中心', matter: r.matter_name ?? r.matter, purpose: r.purpose })),
  };
}
