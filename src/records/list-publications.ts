import type { AppContext } from '../app/context.js';
import { isPublishable, listTopics } from '../catalog/index.js';
import { chinaDate } from '../kernel/calendar.js';
import { presentRecord } from './present-record.js';
import { findPublications } from './repository.js';
import { topicDefinition } from './topic-definitions.js';

export type PublicationKind = 'licence' | 'penalty';

export interface PublicationQuery {
  kind?: PublicationKind;
  department?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface PublicationItem {
  recordId: number;
  subjectId: number;
  subjectName: string;
  kind: PublicationKind;
  topicName: string;
  departmentCode: string;
  departmentName: string;
  decisionDate: string | null;
  documentNo: string | null;
  title: string;
}

/** Counting the 双公示 column stops at this many entries (the page says "more than …"). */
export const PUBLICATION_COUNT_CAP = 10_000;

/**
 * The 双公示 column: current public licences and/or penalties of organisations (natural persons are not
 * listed), inside their publication window, newest decision first.
 */
export async function listPublications(ctx: AppContext, query: PublicationQuery) {
  const topics = (await listTopics(ctx.db)).filter(
    (topic) => (query.kind ? topic.definition.category === query.kind : ['licence', 'penalty'].includes(topic.definition.category)) && isPublishable(topic.definition),
  );
  const { rows, total } = await findPublications(ctx.db, {
    topicIds: topics.map((topic) => topic.id),
    departmentCode: query.department,
    from: query.from,
    to: query.to,
    today: chinaDate(ctx.clock.now()),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    countCap: PUBLICATION_COUNT_CAP,
  });
  const items: PublicationItem[] = [];
  for (const row of rows) {
    const def = await topicDefinition(ctx.db, row.topic_id, row.topic_version);
    const view = presentRecord(def, row, 'public');
    items.push({
      recordId: row.id,
      subjectId: row.subject_id,
      subjectName: row.subject_name,
      kind: row.category as PublicationKind,
      topicName: def.name,
      departmentCode: row.department_code,
      departmentName: row.department_name,
      decisionDate: row.decision_date,
      documentNo: view?.documentNo ?? null,
      title: view?.title ?? def.name,
    });
  }
  return { total, totalIsLowerBound: total >= PUBLICATION_COUNT_CAP, page: query.page, pageSize: query.pageSize, items };
}
