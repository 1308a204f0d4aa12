import type { AppContext } from '../../src/app/context.js';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUBJECT_USERNAME, loadDemo, type LoadedDemo } from '../../src/app/load-demo.js';

export { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUBJECT_USERNAME };

export interface SmallDemo extends LoadedDemo {
  accountSubject: { id: number; name: string };
}

/**
 * The demo city of `npm start`, loaded the same way (`loadDemo`: departments and their users
 * `<code lower-case>` / DEMO_PASSWORD, batches through the ingest pipeline, articles, a subject account)
 * but small enough for a browser test to load in seconds, with 2% of rows spoiled for the error reports.
 */
export async function loadSmallDemo(ctx: AppContext): Promise<SmallDemo> {
  const demo = await loadDemo(ctx, {
    city: { enterprises: 200, individualBusinesses: 60, persons: 60, publicInstitutions: 20, socialOrganisations: 15, penalties: 300, licences: 400, invalidRate: 0.02 },
  });
  if (!demo.accountSubject) throw new Error('the small demo city has no enterprise with records');
  return { ...demo, accountSubject: demo.accountSubject };
}
