import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { buildVerdict, logResultOf, type Verdict } from './build-verdict.js';
import { logCheck } from './check-log.js';
import { checkRequest, type CheckCommonInput, type CheckedRequest } from './check-request.js';
import { parseSubjectQuery } from './parse-subject.js';
import { authorizeCheck } from './policies.js';
import * as repo from './repository.js';
import type { CheckResult, CheckSubjectQuery } from './schemas.js';

export interface RunCheckInput extends CheckCommonInput {
  subject?: CheckSubjectQuery | undefined;
}

/**
 * 应查必查: may this subject do this matter? Resolves the subject and reads its entries in force in one
 * prepared statement (the single-subject fast path), builds the verdict from the cached measures, and logs the check (group commit) before
 * answering; the answer carries the log row's id.
 */
export async function runCheck(ctx: AppContext, actor: Actor, input: RunCheckInput): Promise<CheckResult> {
  authorizeCheck(actor);
  const request = await checkRequest(ctx, input);
  const lookup = parseSubjectQuery(input.subject, '查询对象', request);
  const rows = await repo.findCheckHit(ctx.database, lookup, request.today, request.ref.listTypeIds.get(request.matter.code) ?? []);
  const verdict = buildVerdict(rows, request.matter.code, request.ref);
  const checkId = await logCheck(ctx.database, logRowOf(actor, request, lookup.query, verdict, null));
  return presentCheck(checkId, request, lookup.query, verdict);
}

export function logRowOf(actor: Actor, request: CheckedRequest, query: Record<string, string>, verdict: Verdict, batchId: string | null): repo.NewCheckRow {
  return {
    at: request.at,
    departmentId: actor.departmentId,
    operator: request.operator,
    purpose: request.purpose,
    matter: request.matter.code,
    subjectId: verdict.subject?.id ?? null,
    query: JSON.stringify(query),
    verdict: verdict.verdict,
    result: JSON.stringify(logResultOf(verdict)),
    batchId,
  };
}

export function presentCheck(checkId: number, request: CheckedRequest, query: Record<string, string>, verdict: Verdict): CheckResult {
  return { checkId, at: request.at.toISOString(), matter: request.matter, query, ...verdict };
}
