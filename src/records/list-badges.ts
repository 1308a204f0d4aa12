import type { AppContext } from '../app/context.js';
import { isPublishable } from '../catalog/index.js';
import { listEntryBadges } from '../lists/index.js';
import { chinaDate } from '../kernel/calendar.js';
import { BADGE_OF_CATEGORY } from './get-subject-record.js';
import { findListMemberships } from './repository.js';
import { topicDefinition } from './topic-definitions.js';
import type { ListBadge } from './views.js';

/**
 * The list badges of each subject (红名单 / 黑名单 / 重点关注): an entry of a list of that kind in force
 * today, or a public record of a topic of that category inside its publication window. Subjects
 * without one are absent from the map.
 */
export async function listBadges(ctx: AppContext, subjectIds: readonly number[]): Promise<Map<number, ListBadge[]>> {
  const out = new Map<number, ListBadge[]>();
  const rows = await findListMemberships(ctx.db, subjectIds, chinaDate(ctx.clock.now()));
  for (const row of rows) {
    if (!isPublishable(await topicDefinition(ctx.db, row.topic_id, row.topic_version))) continue;
    const badge = BADGE_OF_CATEGORY[row.category];
    if (!badge) continue;
    const badges = out.get(row.subject_id) ?? [];
    if (!badges.includes(badge)) badges.push(badge);
    out.set(row.subject_id, badges.sort());
  }
  for (const [subjectId, kinds] of await listEntryBadges(ctx, subjectIds)) {
    out.set(subjectId, [...new Set([...(out.get(subjectId) ?? []), ...kinds])].sort());
  }
  return out;
}
