import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import * as repo from './repository.js';
import { initialsOf, searchGramsOf } from './search-text.js';

/** One identifier a row carries. Personal ones arrive as keyed hash + ciphertext + masked form. */
export interface IdentifierInput {
  kind: 'uscc' | 'org-code' | 'reg-no' | 'tax-no' | 'institution-cert' | 'social-org-cert' | 'resident-id' | 'other-id';
  valueKey: string;
  valueEnc?: string | null;
  valueMasked?: string | null;
}

/** Who a row is about, as the resolver needs it. */
export interface SubjectInput {
  kind: string;
  name: string;
  nameNorm: string;
  region: string | null;
  /** Strongest first: USCC, other codes, then the personal identifier. */
  identifiers: IdentifierInput[];
  /** A natural-person legal representative, identified by the keyed hash of the ID number. */
  legalRep: { name: string; nameNorm: string; region: string | null; identifier: IdentifierInput } | null;
}

export interface ResolvedSubject {
  subjectId: number;
  /** Matched by name alone (no identifier): a person should review it. */
  uncertain: boolean;
}

interface KnownSubject {
  id: number;
  nameNorm: string;
  legalRepId: number | null;
}

/** What a chunk creates: subjects (legal representatives first), their identifiers and first names. */
interface NewRows {
  subjects: repo.NewSubject[];
  identifiers: repo.NewIdentifier[];
  names: { subjectId: number; name: string }[];
}

const key = (identifier: { kind: string; valueKey: string }) => `${identifier.kind}\u0000${identifier.valueKey}`;
const nameKey = (nameNorm: string, region: string | null) => `name\u0000${nameNorm}\u0000${region ?? ''}`;

/**
 * Resolves the subjects of a batch's rows, chunk by chunk: USCC → other codes → keyed hash of the
 * personal ID → normalised name + region (uncertain, only for rows without any identifier). What a
 * batch has seen stays in memory, so each chunk costs one set-based look-up of the identities not yet
 * known, plus set-based inserts of new subjects, identifiers, names and legal representatives.
 * Batches hold the ingest lock, so nobody else creates subjects meanwhile.
 */
export class SubjectResolver {
  private readonly byIdentifier = new Map<string, number>();
  private readonly missing = new Set<string>();
  private readonly subjects = new Map<number, KnownSubject>();
  /** Subjects created or renamed in the current chunk: the search index follows them (`indexForSearch`). */
  private readonly created = new Map<number, { nameNorm: string; isPerson: boolean }>();
  private readonly renamed = new Map<number, string>();

  /**
   * `copy`: the bulk session's COPY, for a caller holding the ingest lock (a batch). New subjects are
   * then written by COPY; without it, by `unnest` inserts that tolerate a concurrent writer.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: Date,
    private readonly copy?: repo.CopyText,
  ) {}

  async resolve(rows: readonly SubjectInput[]): Promise<ResolvedSubject[]> {
    await this.prefetch(rows);
    const fresh: NewRows = { subjects: [], identifiers: [], names: [] };
    const reps = await this.resolvePeople(rows.map((row) => row.legalRep), fresh);

    const renames = new Map<number, { name: string; nameNorm: string }>();
    const repLinks = new Map<number, number>();
    const pending: { index: number; row: SubjectInput; repId: number | null }[] = [];
    const results: ResolvedSubject[] = new Array(rows.length);

    rows.forEach((row, index) => {
      const repId = reps[index] ?? null;
      const found = this.lookup(row);
      if (found === undefined) {
        pending.push({ index, row, repId });
        return;
      }
      results[index] = { subjectId: found.id, uncertain: found.byName };
      this.learnIdentifiers(row.identifiers, found.id, fresh.identifiers);
      const known = this.subjects.get(found.id);
      if (known && known.nameNorm !== row.nameNorm && !found.byName) renames.set(found.id, { name: row.name, nameNorm: row.nameNorm });
      if (known && repId !== null && known.legalRepId !== repId) repLinks.set(found.id, repId);
    });

    if (pending.length > 0) {
      const ids = await repo.nextSubjectIds(this.db, pending.length);
      let next = 0;
      for (const { index, row, repId } of pending) {
        // An earlier row of this chunk may have created the subject already.
        const found = this.lookup(row);
        if (found !== undefined) {
          results[index] = { subjectId: found.id, uncertain: found.byName };
          this.learnIdentifiers(row.identifiers, found.id, fresh.identifiers);
          continue;
        }
        const id = ids[next++] as number;
        const uncertain = row.identifiers.length === 0;
        this.create(fresh, { id, kind: row.kind, name: row.name, nameNorm: row.nameNorm, uscc: usccOf(row), region: row.region, legalRepId: repId, uncertain });
        if (uncertain) this.byIdentifier.set(nameKey(row.nameNorm, row.region), id);
        this.learnIdentifiers(row.identifiers, id, fresh.identifiers);
        results[index] = { subjectId: id, uncertain };
      }
    }

    // Legal representatives come first: a subject refers to its representative.
    if (this.copy) await repo.copyNewSubjects(this.copy, { ...fresh, docs: this.newSearchDocs() }, this.now);
    else {
      await repo.insertSubjects(this.db, fresh.subjects, this.now);
      await repo.insertIdentifiers(this.db, fresh.identifiers, this.now);
      await repo.insertNames(this.db, fresh.names, this.now);
    }
    const renamedNames: { subjectId: number; name: string }[] = [];
    for (const [id, rename] of renames) {
      renamedNames.push({ subjectId: id, name: rename.name });
      const known = this.subjects.get(id);
      if (known) {
        if (!this.renamed.has(id)) this.renamed.set(id, known.nameNorm);
        known.nameNorm = rename.nameNorm;
      }
    }
    await repo.insertNames(this.db, renamedNames, this.now);
    await repo.renameSubjects(this.db, [...renames].map(([id, r]) => ({ id, ...r })), this.now);
    for (const [id, repId] of repLinks) {
      const known = this.subjects.get(id);
      if (known) known.legalRepId = repId;
    }
    await repo.linkLegalRepresentatives(this.db, [...repLinks].map(([id, repId]) => ({ id, repId })), this.now);
    await this.indexForSearch();
    return results;
  }

  /** A subject this chunk creates: written with the chunk's other new rows, known from now on. */
  private create(fresh: NewRows, subject: repo.NewSubject): void {
    fresh.subjects.push(subject);
    fresh.names.push({ subjectId: subject.id, name: subject.name });
    this.subjects.set(subject.id, { id: subject.id, nameNorm: subject.nameNorm, legalRepId: subject.legalRepId });
    this.created.set(subject.id, { nameNorm: subject.nameNorm, isPerson: subject.kind === 'natural_person' });
  }

  /** With COPY: the documents of subjects created in this chunk, which are then indexed here and not by `indexForSearch`. */
  private newSearchDocs(): repo.NewSearchDoc[] {
    const docs: repo.NewSearchDoc[] = [];
    for (const [id, { nameNorm, isPerson }] of this.created) {
      const initials = initialsOf(nameNorm);
      docs.push({ id, isPerson, nameNorm, initials, grams: searchGramsOf([nameNorm, initials]) });
    }
    this.created.clear();
    return docs;
  }

  /**
   * Keeps 信用查询 current in the batch's transaction, one statement a chunk: new subjects are indexed
   * (unless COPY did it already); renamed ones keep their earlier name and are indexed under the new one
   * as well.
   */
  private async indexForSearch(): Promise<void> {
    const docs = new Map<number, repo.SearchDocRow>();
    const doc = (id: number, nameNorm: string, formerNorms: string[]): repo.SearchDocRow => {
      const initials = initialsOf(nameNorm);
      return { id, formerNorms, initials, grams: searchGramsOf([nameNorm, initials, ...formerNorms]) };
    };
    for (const [id, { nameNorm }] of this.created) docs.set(id, doc(id, nameNorm, []));
    for (const [id, previous] of this.renamed) {
      const nameNorm = this.subjects.get(id)?.nameNorm ?? previous;
      // Created earlier in this chunk: the name it was created with is its earlier name.
      const former = this.created.get(id)?.nameNorm ?? previous;
      docs.set(id, doc(id, nameNorm, former === nameNorm ? [] : [former]));
    }
    this.created.clear();
    this.renamed.clear();
    await repo.upsertSearchDocs(this.db, [...docs.values()]);
  }

  /** Natural persons named as legal representatives: found, or created into `fresh` by the keyed hash of their ID. */
  private async resolvePeople(people: readonly (SubjectInput['legalRep'] | null)[], fresh: NewRows): Promise<(number | null)[]> {
    const out: (number | null)[] = new Array(people.length).fill(null);
    const toCreate: { index: number; person: NonNullable<SubjectInput['legalRep']> }[] = [];
    people.forEach((person, index) => {
      if (!person) return;
      const id = this.byIdentifier.get(key(person.identifier));
      if (id !== undefined) out[index] = id;
      else toCreate.push({ index, person });
    });
    if (toCreate.length === 0) return out;
    const ids = await repo.nextSubjectIds(this.db, toCreate.length);
    let next = 0;
    for (const { index, person } of toCreate) {
      const existing = this.byIdentifier.get(key(person.identifier));
      if (existing !== undefined) {
        out[index] = existing;
        continue;
      }
      const id = ids[next++] as number;
      this.create(fresh, { id, kind: 'natural_person', name: person.name, nameNorm: person.nameNorm, uscc: null, region: person.region, legalRepId: null, uncertain: false });
      this.learnIdentifiers([person.identifier], id, fresh.identifiers);
      out[index] = id;
    }
    return out;
  }

  private lookup(row: SubjectInput): { id: number; byName: boolean } | undefined {
    for (const identifier of row.identifiers) {
      const id = this.byIdentifier.get(key(identifier));
      if (id !== undefined) return { id, byName: false };
    }
    if (row.identifiers.length === 0) {
      const id = this.byIdentifier.get(nameKey(row.nameNorm, row.region));
      if (id !== undefined) return { id, byName: true };
    }
    return undefined;
  }

  /** Identifiers of a row not yet recorded for anyone become the subject's. */
  private learnIdentifiers(identifiers: readonly IdentifierInput[], subjectId: number, out: repo.NewIdentifier[]): void {
    for (const identifier of identifiers) {
      const k = key(identifier);
      if (this.byIdentifier.has(k)) continue;
      this.byIdentifier.set(k, subjectId);
      this.missing.delete(k);
      out.push({ kind: identifier.kind, valueKey: identifier.valueKey, subjectId, valueEnc: identifier.valueEnc ?? null, valueMasked: identifier.valueMasked ?? null });
    }
  }

  /** Loads, in one query each, the identifiers and name-only matches this chunk needs and the batch has not seen. */
  private async prefetch(rows: readonly SubjectInput[]): Promise<void> {
    const wanted = new Map<string, IdentifierInput>();
    const names = new Map<string, { nameNorm: string; region: string | null }>();
    for (const row of rows) {
      for (const identifier of [...row.identifiers, ...(row.legalRep ? [row.legalRep.identifier] : [])]) {
        const k = key(identifier);
        if (!this.byIdentifier.has(k) && !this.missing.has(k)) wanted.set(k, identifier);
      }
      if (row.identifiers.length === 0) {
        const k = nameKey(row.nameNorm, row.region);
        if (!this.byIdentifier.has(k) && !this.missing.has(k)) names.set(k, { nameNorm: row.nameNorm, region: row.region });
      }
    }
    if (wanted.size > 0) {
      const found = await repo.findByIdentifiers(this.db, [...wanted.values()]);
      for (const row of found) {
        this.byIdentifier.set(key({ kind: row.kind, valueKey: row.value_key }), row.subject_id);
        this.subjects.set(row.subject_id, { id: row.subject_id, nameNorm: row.name_norm, legalRepId: row.legal_rep_id });
      }
      for (const k of wanted.keys()) if (!this.byIdentifier.has(k)) this.missing.add(k);
    }
    if (names.size > 0) {
      const found = await repo.findByNames(this.db, [...names.values()]);
      for (const row of found) {
        const k = nameKey(row.name_norm, row.region_code);
        if (!this.byIdentifier.has(k)) this.byIdentifier.set(k, row.id);
        // A row without region matches the name in any region (lowest id first).
        const any = nameKey(row.name_norm, null);
        if (names.has(any) && !this.byIdentifier.has(any)) this.byIdentifier.set(any, row.id);
        this.subjects.set(row.id, { id: row.id, nameNorm: row.name_norm, legalRepId: row.legal_rep_id });
      }
      for (const k of names.keys()) if (!this.byIdentifier.has(k)) this.missing.add(k);
    }
  }
}

function usccOf(row: SubjectInput): string | null {
  return row.identifiers.find((identifier) => identifier.kind === 'uscc')?.valueKey ?? null;
}
