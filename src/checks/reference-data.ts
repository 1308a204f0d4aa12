import type { Kysely } from 'kysely';
import type { DB, LegalBasis, MeasureBinds, MeasureStrength } from '../db/schema.js';
import * as repo from './repository.js';

/**
 * What every check needs besides the subject's own rows — matters, list types, active measures and the
 * list types that trigger them — kept in memory so that a check is one SQL statement plus its log row.
 *
 * Invalidation: a time-to-live of REFERENCE_TTL_MS (wall time, not the injected clock), so that a measure
 * edited in the console or by another process is used by checks within seconds; a process that edits
 * them itself may call `invalidateCheckReferenceData` to see the change at once. An unknown matter
 * reloads once before the check is refused, so a matter added a moment ago is never refused.
 */
export const REFERENCE_TTL_MS = 5_000;

export interface MeasureRef {
  id: number;
  code: string;
  name: string;
  content: string;
  kind: 'punishment' | 'incentive';
  strength: MeasureStrength;
  legalBasis: LegalBasis[];
  matters: string[];
  binds: MeasureBinds[];
}

export interface ListTypeRef {
  id: number;
  code: string;
  name: string;
  kind: string;
  legalBasis: LegalBasis[];
}

export interface ReferenceData {
  matters: Map<string, { code: string; name: string; active: boolean }>;
  listTypes: Map<number, ListTypeRef>;
  /** matter → list type id → the active measures for the matter that the list type triggers. */
  measures: Map<string, Map<number, MeasureRef[]>>;
  /** matter → the list types some measure for it is triggered by (the entries a check needs to read). */
  listTypeIds: Map<string, number[]>;
}

interface Slot {
  data: ReferenceData | null;
  loadedAt: number;
  loading: Promise<ReferenceData> | null;
}

const slots = new WeakMap<Kysely<DB>, Slot>();

async function load(db: Kysely<DB>): Promise<ReferenceData> {
  const [matters, listTypes, measures] = await Promise.all([repo.findMatters(db), repo.findListTypes(db), repo.findActiveMeasures(db)]);
  const byMatter = new Map<string, Map<number, MeasureRef[]>>();
  for (const m of measures) {
    const ref: MeasureRef = {
      id: m.id,
      code: m.code,
      name: m.name,
      content: m.content,
      kind: m.kind,
      strength: m.strength,
      legalBasis: m.legal_basis,
      matters: m.matters,
      binds: m.binds,
    };
    for (const matter of m.matters) {
      const perList = byMatter.get(matter) ?? new Map<number, MeasureRef[]>();
      byMatter.set(matter, perList);
      for (const listTypeId of m.list_type_ids) perList.set(listTypeId, [...(perList.get(listTypeId) ?? []), ref]);
    }
  }
  return {
    matters: new Map(matters.map((m) => [m.code, m])),
    listTypes: new Map(listTypes.map((t) => [t.id, { id: t.id, code: t.code, name: t.name, kind: t.kind, legalBasis: t.legal_basis }])),
    measures: byMatter,
    listTypeIds: new Map([...byMatter].map(([matter, perList]) => [matter, [...perList.keys()].sort((a, b) => a - b)])),
  };
}

/** The reference data, loaded at most once per TTL (concurrent callers share one load). */
export async function referenceData(db: Kysely<DB>, opts: { fresh?: boolean } = {}): Promise<ReferenceData> {
  let slot = slots.get(db);
  if (!slot) {
    slot = { data: null, loadedAt: 0, loading: null };
    slots.set(db, slot);
  }
  const now = performance.now();
  if (slot.data && !opts.fresh && now - slot.loadedAt < REFERENCE_TTL_MS) return slot.data;
  if (slot.loading) return slot.loading;
  const current = slot;
  current.loading = load(db)
    .then((data) => {
      current.data = data;
      current.loadedAt = performance.now();
      return data;
    })
    .finally(() => {
      current.loading = null;
    });
  return current.loading;
}

/** Drops the cached reference data of a database (after editing matters, list types or measures). */
export function invalidateCheckReferenceData(db: Kysely<DB>): void {
  slots.delete(db);
}
