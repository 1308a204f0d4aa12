import { Card, Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordSection, RecordView, SubjectRecordView } from '../api/types';
import { Badges } from './Badges';
import { StatusTag } from './StatusTag';
import { formatDate, formatDateTime } from './format';

/** 有效期至 2099-12-31 means long-term (STANDARDS.md §2). */
const LONG_TERM = '2099-12-31';

function RecordItem({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  return (
    <div data-record={record.id} data-source={record.source ?? 'record'}>
      <Typography.Text strong>{record.title || record.topicName}</Typography.Text>
      {record.underObjection && (
        <Tag color="orange" style={{ marginLeft: 8 }} data-under-objection>
          {t('objection.tag')}
        </Tag>
      )}
      <div className="record-meta" style={{ margin: '4px 0 8px' }}>
        <Space wrap size={[16, 2]}>
          <span>
            {t('subject.department')}：{record.departmentName}
          </span>
          <span>
            {t('subject.decisionDate')}：{formatDate(record.decisionDate)}
          </span>
          {record.documentNo && (
            <span>
              {t('subject.documentNo')}：{record.documentNo}
            </span>
          )}
          {record.publishUntil && (
            <span>
              {t('subject.publishUntil')}：{record.publishUntil >= LONG_TERM ? t('subject.longTerm') : formatDate(record.publishUntil)}
            </span>
          )}
        </Space>
      </div>
      <Collapse
        size="small"
        items={[
          {
            key: 'fields',
            label: t('subject.fields'),
            children: (
              <Descriptions
                size="small"
                bordered
                column={1}
                items={record.fields.map((field) => ({ key: field.code, label: field.name, children: field.value || '—' }))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

function Section({ section }: { section: RecordSection }) {
  const { t } = useTranslation();
  return (
    <Card
      variant="borderless"
      size={section.records.length === 0 ? 'small' : undefined}
      title={t(`category.${section.category}`)}
      extra={<Tag>{t('subject.count', { count: section.records.length })}</Tag>}
      data-section={section.category}
      style={{ marginTop: 16 }}
    >
      {section.records.length === 0 ? (
        <Typography.Text type="secondary" data-empty>
          {t('common.noRecord')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          {section.records.map((record) => (
            <RecordItem key={`${record.source ?? 'record'}:${record.id}`} record={record} />
          ))}
        </Space>
      )}
    </Card>
  );
}

/** 福建省福州市鼓楼区（350102）, or the code alone when its name is unknown. */
function regionText(subject: SubjectRecordView['subject']): string {
  if (!subject.regionCode) return '—';
  return subject.regionName ? `${subject.regionName}（${subject.regionCode}）` : subject.regionCode;
}

/** A subject's basic information and its records grouped by category (website and the subject's own page). */
export function SubjectRecord({ view, actions }: { view: SubjectRecordView; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  const { subject } = view;
  const codes = subject.codes.filter((code) => code.kind !== 'uscc');
  return (
    <>
      <Card variant="borderless">
        <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap size={[8, 4]}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {subject.name}
            </Typography.Title>
            <StatusTag status={subject.status} />
            <Badges badges={subject.badges} />
          </Space>
          {actions}
        </Space>
        <Descriptions
          style={{ marginTop: 16 }}
          title={t('subject.basicInfo')}
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'uscc', label: t('subject.uscc'), children: subject.uscc ?? '—' },
            { key: 'kind', label: t('subject.kind'), children: t(`kind.${subject.kind}`) },
            { key: 'legalRep', label: t('subject.legalRep'), children: subject.legalRepName ?? '—' },
            { key: 'region', label: t('subject.region'), children: regionText(subject) },
            ...(subject.status && !subject.registration
              ? [{ key: 'status', label: t('subject.status'), children: <StatusTag status={subject.status} /> }]
              : []),
            // The newest registration record: 成立日期, 注册资本, 住所, 登记机关, 登记状态 …
            ...(subject.registration?.fields ?? []).map((field) => ({
              key: `registration-${field.code}`,
              label: field.name,
              children: field.value,
              span: field.value.length > 40 ? ('filled' as const) : undefined,
            })),
            ...codes.map((code) => ({ key: `${code.kind}-${code.value}`, label: t(`codeKind.${code.kind}`), children: code.value })),
            ...(subject.formerNames.length > 0
              ? [{ key: 'former', label: t('subject.formerNames'), children: subject.formerNames.join('；') }]
              : []),
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
          {t('subject.asOf', { time: formatDateTime(view.asOf) })} {t('subject.notice')}
        </Typography.Paragraph>
      </Card>
      {view.sections.map((section) => (
        <Section key={section.category} section={section} />
      ))}
    </>
  );
}
