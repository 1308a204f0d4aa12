import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { displayPrefix, generateSecret, hashSecret } from './credentials.js';
import { API_TOKEN_PREFIX } from './limits.js';
import { authorizeManageTokens } from './policies.js';
import * as repo from './repository.js';
import { requireActiveDepartment } from './require-active-department.js';
import { checkTokenRoles } from './rules.js';
import type { CreateApiTokenInput, CreatedApiToken } from './schemas.js';

/**
 * Issues an API token for a department's systems; platform admins, or a reviewer of that department.
 * The plain token is in the result only: the platform keeps its hash and cannot show it again.
 */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  departmentId: number,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  authorizeManageTokens(actor, departmentId);
  const roles = checkTokenRoles(input.roles);
  const name = input.name.trim();
  const token = generateSecret(API_TOKEN_PREFIX);
  const prefix = displayPrefix(token);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    await requireActiveDepartment(tx, departmentId);
    const row = await repo.insertApiToken(tx, {
      departmentId,
      name,
      tokenHash: hashSecret(token),
      prefix,
      roles,
      createdBy: actor.type === 'user' && actor.id !== null ? Number(actor.id) : null,
      createdAt: at,
    });
    await writeAudit(tx, at, actor, {
      action: 'access.token.create',
      entityType: 'api_token',
      entityId: row.id,
      detail: { departmentId, name, prefix, roles },
    });
    return { id: row.id, token, prefix };
  });
}
