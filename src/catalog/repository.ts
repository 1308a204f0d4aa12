import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Topic, TopicDefinition } from './schemas.js';

/** All SQL of the catalogue. */

const topicColumns = [
  'catalog_topics.id',
  'catalog_topics.builtin',
  'catalog_topics.active',
  'catalog_topic_versions.version',
  'catalog_topic_versions.definition',
] as const;

function toTopic(row: { id: number; builtin: boolean; active: boolean; version: number; definition: unknown }): Topic {
  return { id: row.id, version: row.version, builtin: row.builtin, active: row.active, definition: row.definition as TopicDefinition };
}

function topicsAtCurrentVersion(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_topics')
    .innerJoin('catalog_topic_versions', (join) =>
      join
        .onRef('catalog_topic_versions.topic_id', '=', 'catalog_topics.id')
        .onRef('catalog_topic_versions.version', '=', 'catalog_topics.current_version'),
    )
    .select(topicColumns);
}

export async function listTopics(db: Kysely<DB>): Promise<Topic[]> {
  const rows = await topicsAtCurrentVersion(db).orderBy('catalog_topics.id').execute();
  return rows.map(toTopic);
}

export async function findTopicByCode(db: Kysely<DB>, code: string): Promise<Topic | undefined> {
  const row = await topicsAtCurrentVersion(db).where('catalog_topics.code', '=', code).executeTakeFirst();
  return row && toTopic(row);
}

export async function findTopicById(db: Kysely<DB>, id: number): Promise<Topic | undefined> {
  const row = await topicsAtCurrentVersion(db).where('catalog_topics.id', '=', id).executeTakeFirst();
  return row && toTopic(row);
}

/** A topic as it was at one version (records keep the version they were validated against). */
export async function findTopicVersion(db: Kysely<DB>, id: number, version: number): Promise<Topic | undefined> {
  const row = await db
    .selectFrom('catalog_topics')
    .innerJoin('catalog_topic_versions', 'catalog_topic_versions.topic_id', 'catalog_topics.id')
    .select(topicColumns)
    .where('catalog_topics.id', '=', id)
    .where('catalog_topic_versions.version', '=', version)
    .executeTakeFirst();
  return row && toTopic(row);
}

export async function listTopicVersions(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('catalog_topic_versions')
    .select(['version', 'created_at', 'created_by'])
    .where('topic_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertTopic(
  db: Kysely<DB>,
  def: TopicDefinition,
  opts: { builtin: boolean; at: Date; by: string },
): Promise<number> {
  const { id } = await db
    .insertInto('catalog_topics')
    .values({
      code: def.code,
      name: def.name,
      category: def.category,
      builtin: opts.builtin,
      current_version: 1,
      created_at: opts.at,
      updated_at: opts.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(db, id, 1, def, opts);
  return id;
}

export async function insertVersion(
  db: Kysely<DB>,
  topicId: number,
  version: number,
  def: TopicDefinition,
  opts: { at: Date; by: string },
): Promise<void> {
  await db
    .insertInto('catalog_topic_versions')
    .values({ topic_id: topicId, version, definition: JSON.stringify(def), created_at: opts.at, created_by: opts.by })
    .execute();
  await db
    .updateTable('catalog_topics')
    .set({ current_version: version, name: def.name, category: def.category, updated_at: opts.at })
    .where('id', '=', topicId)
    .execute();
}
