import { Card, Collapse, Empty, Input, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { ListBadge, ListTypeView, PublicListEntry, PublicListPage } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate } from '../shared/format';
import { ListKindTag, ObjectionTag } from '../shared/ListTags';
import { useApi } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';

const PAGE_SIZE = 20;
const KINDS: readonly ListBadge[] = ['black', 'red', 'watch'];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="list-rule-field">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div className="list-rule-value">{children}</div>
    </div>
  );
}

/** What the law requires to be public about a list: its basis, authority, criteria, exit and remedies. */
export function ListTypeRules({ type }: { type: ListTypeView }) {
  const { t } = useTranslation();
  return (
    <div data-list-type={type.code}>
      <Field label={t('lists.legalBasis')}>
        {type.legalBasis.length === 0 ? (
          t('lists.noLegalBasis')
        ) : (
          <ul className="list-rule-basis">
            {type.legalBasis.map((basis, index) => (
              <li key={index}>
                《{basis.title.replace(/^《|》$/g, '')}》{basis.article ? ` ${basis.article}` : ''}
                {basis.docNo ? <span className="record-meta">（{basis.docNo}）</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label={t('lists.authority')}>{type.authority}</Field>
      <Field label={t('lists.criteria')}>{type.criteria}</Field>
      <Field label={t('lists.exitConditions')}>{type.exitConditions}</Field>
      <Field label={t('lists.remedies')}>{type.remedies}</Field>
      <Field label={t('lists.defaultDuration')}>
        {type.defaultDurationMonths === null ? t('lists.untilExit') : t('lists.months', { count: type.defaultDurationMonths })}
      </Field>
    </div>
  );
}

/** `/lists`: 信用名单 — entries in force by kind and list, and each list's legal basis and exit rules. */
export function ListsPage() {
  const { t } = useTranslation();
  const [params, update] = useQueryParams();
  const kindParam = params.get('kind');
  const kind: ListBadge = KINDS.find((k) => k === kindParam) ?? 'black';
  const listType = params.get('type') ?? '';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const types = useApi((signal) => api<ListTypeView[]>('/public/list-types', { signal }), []);
  const entries = useApi(
    (signal) => api<PublicListPage>('/public/lists', { query: { kind, listType, q, page, pageSize: PAGE_SIZE }, signal }),
    [kind, listType, q, page],
  );
  const typesOfKind = (types.data ?? []).filter((type) => type.kind === kind);
  // An entry decided by the credit centre itself names no department: its list's 认定机关 decided it.
  const authorityOf = (code: string) => types.data?.find((type) => type.code === code)?.authority ?? '—';
  const table = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 260, maxWidth: '100%' }}
          value={listType}
          aria-label={t('lists.listName')}
          loading={types.loading}
          onChange={(value: string) => update({ type: value })}
          options={[{ value: '', label: t('lists.allTypes') }, ...typesOfKind.map((type) => ({ value: type.code, label: type.name }))]}
        />
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          aria-label={t('lists.namePlaceholder')}
          placeholder={t('lists.namePlaceholder')}
          onSearch={(value) => update({ q: value.trim() })}
          style={{ width: 240, maxWidth: '100%' }}
        />
      </Space>
      {entries.error ? (
        <ErrorState error={entries.error} onRetry={entries.reload} />
      ) : (
        <Table<PublicListEntry>
          rowKey="id"
          size="middle"
          loading={entries.loading}
          dataSource={entries.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.empty')} /> }}
          expandable={{ expandedRowRender: (row) => <span><Typography.Text type="secondary">{t('lists.reasons')}：</Typography.Text>{row.reasons}</span> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: entries.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (next) => update({ page: String(next) }),
          }}
          columns={[
            {
              title: t('lists.subjectName'),
              dataIndex: 'subjectName',
              width: 240,
              render: (name: string, row) => (
                <>
                  {row.subjectId === null ? name : <Link to={`/subjects/${row.subjectId}`}>{name}</Link>}
                  {row.underObjection && (
                    <>
                      {' '}
                      <ObjectionTag />
                    </>
                  )}
                </>
              ),
            },
            { title: t('lists.code'), dataIndex: 'code', width: 190, render: (v: string | null) => v ?? '—' },
            { title: t('lists.listName'), dataIndex: ['listType', 'name'], width: 180 },
            { title: t('lists.department'), dataIndex: 'department', width: 160, render: (v: string | null, row) => v ?? authorityOf(row.listType.code) },
            { title: t('lists.decisionNo'), dataIndex: 'decisionNo', width: 180, render: (v: string | null) => v ?? '—' },
            { title: t('lists.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110, render: (v: string | null) => formatDate(v) },
            { title: t('lists.expiresOn'), dataIndex: 'expiresOn', width: 110, render: (v: string | null) => (v ? formatDate(v) : t('lists.untilExit')) },
          ]}
        />
      )}
    </>
  );
  return (
    <div className="portal-main">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('lists.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('lists.intro')}</Typography.Paragraph>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Tabs
          activeKey={kind}
          onChange={(key) => update({ kind: key, type: null })}
          items={KINDS.map((key) => ({ key, label: t(`lists.kind.${key}`), children: key === kind ? table : null }))}
        />
      </Card>
      <Card variant="borderless" title={t('lists.rules')} id="rules">
        <Typography.Paragraph type="secondary">{t('lists.rulesIntro')}</Typography.Paragraph>
        {types.error ? (
          <ErrorState error={types.error} onRetry={types.reload} />
        ) : !types.data ? (
          <Skeleton active />
        ) : typesOfKind.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
        ) : (
          <Collapse
            items={typesOfKind.map((type) => ({
              key: type.code,
              label: (
                <span className="list-rule-header">
                  <ListKindTag kind={type.kind} />
                  <Typography.Text strong>{type.name}</Typography.Text>
                  <span className="record-meta">{t('lists.activeCount', { count: type.activeEntries })}</span>
                </span>
              ),
              children: <ListTypeRules type={type} />,
            }))}
          />
        )}
      </Card>
    </div>
  );
}
