import type { CheckVerdict } from '../db/schema.js';
import type { ReferenceData } from './reference-data.js';
import type { CheckHitRow } from './repository.js';
import type { CheckedSubject, CheckEntry, CheckMeasure } from './schemas.js';

/** Most candidates an ambiguous name lists (the look-up reads one more to know there are more). */
export const MAX_CANDIDATES = 20;

export interface Verdict {
  verdict: CheckVerdict;
  summary: string;
  subject: CheckedSubject | null;
  candidates: CheckedSubject[];
  blocking: CheckMeasure[];
  restrictions: CheckMeasure[];
  incentives: CheckMeasure[];
  suspended: CheckMeasure[];
  legalRepresentative: { id: number; name: string; measures: CheckMeasure[] } | null;
}

function subjectOf(row: CheckHitRow): CheckedSubject {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    uscc: row.uscc,
    idMasked: row.id_masked,
    legalRepresentative: row.rep_id === null ? null : { id: row.rep_id, name: row.rep_name ?? '' },
  };
}

function entryOf(row: CheckHitRow, ref: ReferenceData): CheckEntry {
  const listType = ref.listTypes.get(row.list_type_id!);
  return {
    id: row.entry_id!,
    listType: { code: listType?.code ?? '', name: listType?.name ?? '', kind: listType?.kind ?? '', legalBasis: listType?.legalBasis ?? [] },
    status: row.status === 'suspended' ? 'suspended' : 'active',
    listedSubject: row.via_org_id === null ? { id: row.id, name: row.name } : { id: row.via_org_id, name: row.via_org_name ?? '' },
    decisionNo: row.decision_no,
    decisionDate: row.decision_date,
    department: row.department,
    reasons: row.reasons ?? '',
    basis: row.basis,
    effectiveFrom: row.effective_from,
    expiresOn: row.expires_on,
  };
}

const names = (measures: readonly CheckMeasure[]) => measures.map((m) => m.name).join('、');

/**
 * The verdict on one asked subject from its rows of `findCheckHits`: the measures for `matter` that its
 * entries in force trigger (its own entries: measures binding 'subject'; entries of organisations it
 * represents: measures binding 'legal_rep'), grouped per measure with the entries behind them. A measure
 * whose entries are all under objection is suspended: shown, not applied. Precedence: a prohibition
 * → block; a restriction, supervision or reference → restrict; only incentives → incentive; else clear.
 */
export function buildVerdict(rows: readonly CheckHitRow[], matter: string, ref: ReferenceData): Verdict {
  const empty = { blocking: [], restrictions: [], incentives: [], suspended: [], legalRepresentative: null };
  const first = rows[0];
  if (!first) return { verdict: 'not_found', summary: '未找到该信用主体', subject: null, candidates: [], ...empty };
  if (first.matches > 1) {
    const seen = new Set<number>();
    const candidates = rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, MAX_CANDIDATES).map(subjectOf);
    const count = first.matches > MAX_CANDIDATES ? `超过 ${MAX_CANDIDATES}` : String(first.matches);
    return { verdict: 'ambiguous', summary: `名称对应 ${count} 个信用主体，请以统一社会信用代码或证件号码核查`, subject: null, candidates, ...empty };
  }

  const subject = subjectOf(first);
  const isPerson = first.kind === 'natural_person';
  const applied = new Map<string, CheckMeasure>();
  const repBound = new Map<string, CheckMeasure>();
  const perList = ref.measures.get(matter);
  const add = (into: Map<string, CheckMeasure>, key: string, measure: CheckMeasure, entry: CheckEntry) => {
    const existing = into.get(key);
    if (existing) {
      if (!existing.entries.some((e) => e.id === entry.id)) existing.entries.push(entry);
    } else into.set(key, { ...measure, entries: [entry] });
  };
  for (const row of rows) {
    if (row.entry_id === null || row.list_type_id === null) continue;
    const entry = entryOf(row, ref);
    for (const m of perList?.get(row.list_type_id) ?? []) {
      const base: CheckMeasure = {
        code: m.code,
        name: m.name,
        content: m.content,
        kind: m.kind,
        strength: m.strength,
        legalBasis: m.legalBasis,
        binds: m.binds,
        suspended: false,
        appliesTo: 'subject',
        legalRepresentativeOf: null,
        entries: [],
      };
      if (row.via_org_id === null) {
        if (m.binds.includes('subject')) add(applied, `${m.id}`, base, entry);
        if (!isPerson && subject.legalRepresentative && m.binds.includes('legal_rep')) add(repBound, `${m.id}`, { ...base, appliesTo: 'legal_rep', legalRepresentativeOf: { id: subject.id, name: subject.name } }, entry);
      } else if (m.binds.includes('legal_rep')) {
        add(applied, `${m.id}:${row.via_org_id}`, { ...base, appliesTo: 'legal_rep', legalRepresentativeOf: { id: row.via_org_id, name: row.via_org_name ?? '' } }, entry);
      }
    }
  }

  const blocking: CheckMeasure[] = [];
  const restrictions: CheckMeasure[] = [];
  const incentives: CheckMeasure[] = [];
  const suspended: CheckMeasure[] = [];
  for (const measure of [...applied.values(), ...repBound.values()]) measure.suspended = measure.entries.every((e) => e.status === 'suspended');
  for (const measure of applied.values()) {
    if (measure.suspended) suspended.push(measure);
    else if (measure.kind === 'incentive') incentives.push(measure);
    else if (measure.strength === 'prohibit') blocking.push(measure);
    else restrictions.push(measure);
  }
  const legalRepresentative = subject.legalRepresentative && !isPerson ? { ...subject.legalRepresentative, measures: [...repBound.values()] } : null;

  let verdict: CheckVerdict;
  let summary: string;
  if (blocking.length > 0) {
    verdict = 'block';
    summary = `存在禁止性惩戒措施 ${blocking.length} 项：${names(blocking)}`;
  } else if (restrictions.length > 0) {
    verdict = 'restrict';
    summary = `存在限制或监管类惩戒措施 ${restrictions.length} 项：${names(restrictions)}`;
  } else if (incentives.length > 0) {
    verdict = 'incentive';
    summary = `可适用激励措施 ${incentives.length} 项：${names(incentives)}`;
  } else {
    verdict = 'clear';
    summary = '未查见与该事项相关的惩戒或激励措施';
  }
  if (verdict === 'block' && restrictions.length > 0) summary += `；另有限制或监管类措施 ${restrictions.length} 项`;
  if (suspended.length > 0) summary += `；另有 ${suspended.length} 项措施因异议处理中暂停适用`;
  return { verdict, summary, subject, candidates: [], blocking, restrictions, incentives, suspended, legalRepresentative };
}

/** The compact result the check log keeps: the summary and the codes and entry ids behind the verdict. */
export function logResultOf(v: Verdict): Record<string, unknown> {
  const codes = (measures: readonly CheckMeasure[]) => measures.map((m) => m.code);
  const entries = new Set<number>();
  for (const m of [...v.blocking, ...v.restrictions, ...v.incentives, ...v.suspended]) for (const e of m.entries) entries.add(e.id);
  return {
    summary: v.summary,
    ...(v.subject ? { subjectName: v.subject.name } : {}),
    ...(v.blocking.length ? { blocking: codes(v.blocking) } : {}),
    ...(v.restrictions.length ? { restrictions: codes(v.restrictions) } : {}),
    ...(v.incentives.length ? { incentives: codes(v.incentives) } : {}),
    ...(v.suspended.length ? { suspended: codes(v.suspended) } : {}),
    ...(entries.size ? { entries: [...entries] } : {}),
    ...(v.legalRepresentative?.measures.length ? { legalRepresentative: codes(v.legalRepresentative.measures) } : {}),
    ...(v.candidates.length ? { candidates: v.candidates.map((c) => c.id) } : {}),
  };
}
