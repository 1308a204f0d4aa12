import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { buildVerdict } from './build-verdict.js';
import { checkRequest, type CheckCommonInput } from './check-request.js';
import { CheckErrors } from './errors.js';
import { parseSubjectQuery } from './parse-subject.js';
import { authorizeCheck } from './policies.js';
import * as repo from './repository.js';
import { logRowOf, presentCheck } from './run-check.js';
import { MAX_BATCH_SUBJECTS, type BatchCheckResult, type CheckSubjectQuery } from './schemas.js';

export interface RunBatchCheckInput extends CheckCommonInput {
  subjects: readonly CheckSubjectQuery[];
}

/**
 * Checks up to MAX_BATCH_SUBJECTS subjects for one matter: the same verdicts as one check each, from one
 * statement that resolves them all and reads their entries, and one insert of their log rows (sharing
 * a batch id) before the answer.
 */
export async function runBatchCheck(ctx: AppContext, actor: Actor, input: RunBatchCheckInput): Promise<BatchCheckResult> {
  authorizeCheck(actor);
  if (input.subjects.length === 0) throw new AppError(CheckErrors.CHECK_BATCH_EMPTY);
  if (input.subjects.length > MAX_BATCH_SUBJECTS) throw new AppError(CheckErrors.CHECK_BATCH_TOO_LARGE, { max: MAX_BATCH_SUBJECTS, count: input.subjects.length });
  const request = await checkRequest(ctx, input);
  const lookups = input.subjects.map((subject, i) => parseSubjectQuery(subject, `第 ${i + 1} 个主体`, request));
  const rows = await repo.findCheckHits(ctx.db, lookups, request.today, request.ref.listTypeIds.get(request.matter.code) ?? []);
  const byOrd: repo.CheckHitRow[][] = lookups.map(() => []);
  for (const row of rows) byOrd[row.ord]!.push(row);
  const verdicts = byOrd.map((group) => buildVerdict(group, request.matter.code, request.ref));
  const batchId = crypto.randomUUID();
  const ids = await repo.insertChecks(
    ctx.database,
    verdicts.map((verdict, i) => logRowOf(actor, request, lookups[i]!.query, verdict, batchId)),
  );
  const counts: Record<string, number> = {};
  for (const v of verdicts) counts[v.verdict] = (counts[v.verdict] ?? 0) + 1;
  return {
    batchId,
    count: verdicts.length,
    verdicts: counts,
    items: verdicts.map((verdict, i) => presentCheck(ids[i]!, request, lookups[i]!.query, verdict)),
  };
}
