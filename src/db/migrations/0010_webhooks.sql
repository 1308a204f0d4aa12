-- Webhooks: departments with their own systems receive their 联合奖惩 tasks (and other events that name
-- them) as signed HTTP POSTs of outbox events.

-- A department's subscription. The secret signs each delivery (HMAC-SHA256); it is stored encrypted
-- (the field key) because the platform needs it back to sign. `topics` are exact topics or prefixes
-- ending in `*` (`joint.task.*`).
create table webhook_subscriptions (
  id serial primary key,
  department_id int not null references departments (id),
  url text not null check (url ~ '^https?://'),
  secret_enc text not null,
  topics text[] not null check (cardinality(topics) > 0),
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index webhook_subscriptions_department on webhook_subscriptions (department_id) where active;

-- One row per outbox event × subscription: delivered, waiting for its next attempt, or given up. The
-- dispatcher fans each undelivered outbox row out to the matching subscriptions and then sets the
-- outbox row's delivered_at ("handed over"); these rows track each subscriber's delivery.
create table webhook_deliveries (
  outbox_id bigint not null references outbox (id),
  subscription_id int not null references webhook_subscriptions (id),
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  primary key (outbox_id, subscription_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
