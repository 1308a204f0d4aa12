import type { AppContext } from '../app/context.js';
import { isPublishable, listTopics } from '../catalog/index.js';
import { chinaDate } from '../kernel/calendar.js';
import { countHeadlines } from './repository.js';

export interface PublicStats {
  /** Organisations and 个体工商户 (natural persons are not counted on the website). */
  subjects: number;
  /** Records currently inside their publication window. */
  records: number;
  /** Licences and penalties decided this month that are public. */
  publicationsThisMonth: number;
  departments: number;
  asOf: string;
}

const STATS_TTL_MS = 60_000;
const cache = new WeakMap<AppContext, PublicStats>();

/** The website's headline figures, counted at most once a minute (the home page is the busiest page). */
export async function getPublicStats(ctx: AppContext): Promise<PublicStats> {
  const now = ctx.clock.now();
  const cached = cache.get(ctx);
  if (cached && now.getTime() - Date.parse(cached.asOf) < STATS_TTL_MS && now.getTime() >= Date.parse(cached.asOf)) return cached;
  const today = chinaDate(now);
  const topics = (await listTopics(ctx.db)).filter((t) => ['licence', 'penalty'].includes(t.definition.category) && isPublishable(t.definition));
  const counts = await countHeadlines(ctx.db, topics.map((t) => t.id), `${today.slice(0, 8)}01`, today);
  const stats: PublicStats = {
    subjects: counts.subjects,
    records: counts.records,
    publicationsThisMonth: counts.publications,
    departments: counts.departments,
    asOf: now.toISOString(),
  };
  cache.set(ctx, stats);
  return stats;
}
