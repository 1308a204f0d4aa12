import type { AppContext } from '../app/context.js';
import { listEntriesAsRecords } from '../lists/index.js';
import { COMMITMENT_STATUS_NAMES, COMMITMENT_TYPE_NAMES, commitmentNumber, isPublishable, TOPIC_CATEGORIES, type CommitmentTypeCode } from '../catalog/index.js';
import { chinaDate } from '../kernel/calendar.js';
import { getSubjectProfile } from '../subjects/index.js';
import { presentRecord } from './present-record.js';
import { findRecordsUnderObjection, findSubjectCommitments, findVisibleRecords } from './repository.js';
import { topicDefinition } from './topic-definitions.js';
import type { ListBadge, RecordScope, RecordSection, RecordView, RegistrationView, SubjectRecordView } from './views.js';

/** The badge each list category earns. */
export const BADGE_OF_CATEGORY: Readonly<Record<string, ListBadge>> = { red_list: 'red', black_list: 'black', watch_list: 'watch' };

/**
 * A subject's credit record (主体信用档案) as of the clock's now: its basic information and its records
 * that are current, not withdrawn and inside their publication window, grouped by category (every
 * category present, possibly empty), each showing only the data items the scope discloses. Records of
 * topics that are never public are left out of the public scope. Undefined when there is no such subject.
 */
export async function getSubjectRecord(ctx: AppContext, subjectId: number, scope: RecordScope): Promise<SubjectRecordView | undefined> {
  const profile = await getSubjectProfile(ctx.db, subjectId);
  if (!profile) return undefined;
  const { statusRecordId, ...subject } = profile;
  const now = ctx.clock.now();
  const rows = await findVisibleRecords(ctx.db, [subjectId], chinaDate(now));
  const underObjection = await findRecordsUnderObjection(ctx.db, rows.map((row) => row.id));
  const sections: RecordSection[] = TOPIC_CATEGORIES.map((category) => ({ category, records: [] }));
  const byCategory = new Map(sections.map((section) => [section.category as string, section]));
  const badges = new Set<ListBadge>();
  let registration: RegistrationView | null = null;
  let registeredRep: string | undefined;
  for (const row of rows) {
    const def = await topicDefinition(ctx.db, row.topic_id, row.topic_version);
    if (scope === 'public' && !isPublishable(def)) continue;
    const presented = presentRecord(def, row, scope);
    if (!presented) continue;
    const view = underObjection.has(row.id) ? { ...presented, underObjection: true } : presented;
    if (row.id === statusRecordId) {
      // The record the subject's status comes from: its items are the basic information (成立日期, 住所 …).
      const identity = new Set(Object.values(def.subject));
      registeredRep = view.fields.find((field) => field.code === def.subject.legalRepName)?.value;
      registration = {
        recordId: view.id,
        topicName: view.topicName,
        departmentName: view.departmentName,
        approvedOn: view.decisionDate,
        fields: view.fields.filter((field) => !identity.has(field.code)),
      };
    }
    byCategory.get(row.category)?.records.push(view);
    const badge = BADGE_OF_CATEGORY[row.category];
    if (badge) badges.add(badge);
  }
  for (const entry of await listEntriesAsRecords(ctx, subjectId)) {
    byCategory.get(entry.category)?.records.push(entry);
    badges.add(BADGE_OF_CATEGORY[entry.category]!);
  }
  byCategory.get('commitment')?.records.push(...(await commitmentsAsRecords(ctx, subjectId)));
  // Without a resolved legal representative (no ID number submitted), the registration's 法定代表人 tells,
  // else the newest record's.
  const legalRepName =
    subject.legalRepName ??
    registeredRep ??
    sections
      .flatMap((section) => section.records)
      .sort((a, b) => (b.decisionDate ?? '').localeCompare(a.decisionDate ?? ''))
      .flatMap((record) => record.fields)
      .find((field) => field.code.endsWith('_FRDB'))?.value ??
    null;
  return { subject: { ...subject, legalRepName, registration, badges: [...badges].sort() }, scope, asOf: now.toISOString(), sections };
}

/**
 * A subject's credit commitments (信用承诺) shaped like records of the 承诺 category: type, matter, date
 * signed, accepting department, due date and whether it was kept. Never the signed file or the promise's
 * text (the subject's own 我的 page shows those). A broken one also has its dishonesty record (XYCN_WY).
 */
async function commitmentsAsRecords(ctx: AppContext, subjectId: number): Promise<RecordView[]> {
  const rows = await findSubjectCommitments(ctx.db, subjectId);
  return rows.map((row) => {
    const typeName = COMMITMENT_TYPE_NAMES[row.type as CommitmentTypeCode];
    const matter = row.matter_detail ? `${row.matter_name}（${row.matter_detail}）` : row.matter_name;
    return {
      id: row.id,
      source: 'commitment' as const,
      topicCode: 'XYCN',
      topicName: '信用承诺',
      category: 'commitment' as const,
      departmentName: row.department_name,
      decisionDate: row.signed_on,
      documentNo: commitmentNumber(row.id, row.signed_on),
      title: `${typeName}：${matter} · ${COMMITMENT_STATUS_NAMES[row.status]}`,
      publishUntil: null,
      fields: [
        { code: 'CN_LX', name: '承诺类型', value: typeName },
        { code: 'CN_SX', name: '承诺事项', value: matter },
        { code: 'CN_RQ', name: '承诺日期', value: row.signed_on },
        { code: 'CN_SLBM', name: '受理部门', value: row.department_name },
        ...(row.due_date ? [{ code: 'CN_QX', name: '履约期限', value: row.due_date }] : []),
        { code: 'CN_ZT', name: '履约状态', value: COMMITMENT_STATUS_NAMES[row.status] },
      ],
    };
  });
}
