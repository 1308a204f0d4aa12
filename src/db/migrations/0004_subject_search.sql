-- 信用查询: the subject search index. Derived state only: `xinyong search-index --rebuild` recomputes it
-- from subjects and subject_names (run it once after this migration on a database that already holds subjects).

-- One row per subject: what a query is verified against (normalised current and former names and the
-- pinyin initials of the current name) and every two-character gram of those texts.
create table subject_search_docs (
  subject_id bigint primary key,
  is_person boolean not null,
  name_norm text not null,
  former_norms text[] not null default '{}',
  initials text not null,
  grams text[] not null
);
-- A query's grams → the subjects holding all of them. Common grams are instead walked in id order
-- (the primary key), filtered, stopping at the page.
create index subject_search_docs_grams on subject_search_docs using gin (grams);

-- The distinct two-character grams of some texts (characters, not bytes); ingest computes the same in
-- JavaScript for new subjects (subjects/search-text.ts gramsOf).
create function subject_search_grams(parts text[]) returns text[] language sql immutable parallel safe
  as 'select coalesce(array_agg(distinct substr(p, i, 2)), ''{}'') from unnest(parts) as p, generate_series(1, length(p) - 1) as i';
