import type { AppContext } from '../app/context.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { CheckErrors } from './errors.js';
import { referenceData, type ReferenceData } from './reference-data.js';

export interface CheckCommonInput {
  matter?: string | undefined;
  purpose?: string | undefined;
  operator?: string | undefined;
}

export interface CheckedRequest {
  at: Date;
  today: string;
  matter: { code: string; name: string };
  purpose: string;
  operator: string;
  ref: ReferenceData;
  blindIndex: (residentId: string) => string;
}

/** What every check (single or batch) must say: its purpose, operator and a known, active matter. */
export async function checkRequest(ctx: AppContext, input: CheckCommonInput): Promise<CheckedRequest> {
  const purpose = input.purpose?.trim() ?? '';
  if (purpose === '') throw new AppError(CheckErrors.CHECK_PURPOSE_REQUIRED);
  const operator = input.operator?.trim() ?? '';
  if (operator === '') throw new AppError(CheckErrors.CHECK_OPERATOR_REQUIRED);
  const code = input.matter?.trim() ?? '';
  if (code === '') throw new AppError(CheckErrors.CHECK_MATTER_REQUIRED);
  let ref = await referenceData(ctx.db);
  // A matter added since the cache was loaded is not refused.
  if (!ref.matters.get(code)?.active) ref = await referenceData(ctx.db, { fresh: true });
  const matter = ref.matters.get(code);
  if (!matter?.active) {
    const known = [...ref.matters.values()].filter((m) => m.active).map((m) => `${m.code}（${m.name}）`).join('、');
    throw new AppError(CheckErrors.CHECK_MATTER_UNKNOWN, { matter: code, known });
  }
  const at = ctx.clock.now();
  return {
    at,
    today: chinaDate(at),
    matter: { code: matter.code, name: matter.name },
    purpose,
    operator,
    ref,
    blindIndex: (residentId) => ctx.crypto.blindIndex('resident-id', residentId),
  };
}
