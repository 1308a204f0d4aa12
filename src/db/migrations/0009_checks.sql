-- 应查必查 credit checks (src/checks/).

-- Checking a natural person also reads the entries of the organisations it represents (落实到人).
create index subjects_legal_rep on subjects (legal_rep_id) where legal_rep_id is not null;

-- 查询使用登记: the credit centre's and auditors' log, newest first; a batch's rows together.
create index checks_at on checks (at desc, id desc);
create index checks_batch on checks (batch_id) where batch_id is not null;

-- A check: who each look-up (kind, key) finds, how many subjects match it, and — when exactly one — its
-- list entries in force and those of the organisations it is legal representative of. A PL/pgSQL
-- function so that each connection plans it once (a generic plan): planning this statement costs
-- several times what running it does, and a check is meant to cost little more than a key look-up.
create function check_hits(p_kinds text[], p_keys text[], p_today date, p_list_types int4[])
returns table (
  ord int4, id int8, kind text, name text, uscc text, matches int4, rep_id int8, rep_name text, id_masked text,
  via_org_id int8, via_org_name text, entry_id int8, list_type_id int4, status text, decision_no text, decision_date date,
  department text, reasons text, basis text, effective_from date, expires_on date
)
language plpgsql stable
set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
  return query
  with asked as (
    select (a.n - 1)::int4 as ord, a.kind, a.key from unnest(p_kinds, p_keys) with ordinality as a(kind, key, n)
  ),
  found as (
    select a.ord, s.id, s.kind, s.name, s.uscc, s.legal_rep_id
    from asked a
    cross join lateral (
      (select s.id, s.kind, s.name, s.uscc, s.legal_rep_id from subjects s where a.kind = 'uscc' and s.uscc = a.key)
      union all
      (select s.id, s.kind, s.name, s.uscc, s.legal_rep_id from subject_identifiers i join subjects s on s.id = i.subject_id
        where a.kind in ('org-code', 'reg-no', 'resident-id') and i.kind = a.kind and i.value_key = a.key)
      union all
      (select s.id, s.kind, s.name, s.uscc, s.legal_rep_id from subjects s where a.kind = 'name' and s.name_norm = a.key order by s.id limit 21)
    ) s
  ),
  counted as (select f.*, count(*) over (partition by f.ord)::int4 as matches from found f),
  holders as (
    select c.ord, c.id as holder_id, null::int8 as via_org_id from counted c where c.matches = 1
    union all
    select c.ord, o.id, o.id from counted c join subjects o on o.legal_rep_id = c.id where c.matches = 1
  ),
  hits as (
    select h.ord, h.via_org_id, org.name as via_org_name, e.id as entry_id, e.list_type_id, e.status, e.decision_no,
      e.decision_date, d.name as department, e.reasons, e.basis, e.effective_from, e.expires_on
    from holders h
    join list_entries e on e.subject_id = h.holder_id
      and e.status in ('active', 'suspended')
      and (e.effective_from is null or e.effective_from <= p_today)
      and (e.expires_on is null or e.expires_on >= p_today)
      and e.list_type_id = any(p_list_types)
    left join subjects org on org.id = h.via_org_id
    left join departments d on d.id = e.department_id
  )
  select c.ord, c.id, c.kind, c.name, c.uscc, c.matches, rep.id, rep.name, pid.value_masked,
    h.via_org_id, h.via_org_name, h.entry_id, h.list_type_id, h.status, h.decision_no, h.decision_date, h.department,
    h.reasons, h.basis, h.effective_from, h.expires_on
  from counted c
  left join subjects rep on rep.id = c.legal_rep_id
  left join lateral (
    select i.value_masked from subject_identifiers i where c.kind = 'natural_person' and i.subject_id = c.id and i.kind = 'resident-id' limit 1
  ) pid on true
  left join hits h on h.ord = c.ord
  order by c.ord, c.id, h.entry_id;
end
$$;
