-- Publication windows, articles of the website, and subject accounts.

-- records.publish_until is now the last day a record is published, from its 公示截止期 or from its
-- topic's publication rule (catalog/publication-period.ts); earlier rows held only the 公示截止期.
-- Fill it for rows that lacked one, with the same rule the pipeline now applies.
update records r
set publish_until = (r.decision_date
    + make_interval(months => case v.definition -> 'publication' ->> 'kind'
        when 'months' then (v.definition -> 'publication' ->> 'months')::int
        else case coalesce(v.definition -> 'publication' ->> 'defaultSeverity', 'general')
          when 'minor' then 3 when 'serious' then 36 else 12 end
      end) - interval '1 day')::date
from catalog_topic_versions v
where v.topic_id = r.topic_id and v.version = r.topic_version
  and r.publish_until is null and r.decision_date is not null
  and v.definition -> 'publication' ->> 'kind' in ('severity-tiers', 'months');

-- The 双公示 column lists a topic's current records by decision date.
create index records_publicity on records (topic_id, decision_date desc) where is_current;

-- 信用动态 / 政策法规 / 诚信文化, written in the console.
create table articles (
  id serial primary key,
  channel text not null check (channel in ('news', 'policy', 'culture')),
  title text not null,
  body text not null,
  status text not null check (status in ('draft', 'published')),
  published_at timestamptz,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index articles_channel on articles (channel, published_at desc) where status = 'published';

create table article_attachments (
  id serial primary key,
  article_id int not null references articles (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size int not null,
  content bytea not null,
  created_at timestamptz not null
);
create index article_attachments_article on article_attachments (article_id);

-- A subject account (an enterprise or a citizen signing in to the website) acts for one subject.
alter table users add column subject_id bigint references subjects (id);
