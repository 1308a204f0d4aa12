import { Alert, App, Button, Card, Descriptions, Form, Input, List, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useErrorText } from '../shared/use-api';
import { useSession } from './auth';
import type { CheckMeasure, CheckResult } from './types';

/** What the trading platform sends with every registration check, and the outcomes it records. */
const PURPOSE = '公共资源交易投标报名资格审查';
const OUTCOME_BLOCKED = '报名被拦截';
const OUTCOME_ACCEPTED = '准予报名';

interface Registration {
  bidderName: string;
  uscc: string;
  project: string;
  operator: string;
}

function basisText(basis: CheckMeasure['legalBasis']): string {
  return basis.map((b) => `《${b.title}》${b.article ?? ''}${b.docNo ? `（${b.docNo}）` : ''}`).join('；');
}

/** One measure: its content and legal basis, and the list entries behind it. */
function MeasureCard({ measure }: { measure: CheckMeasure }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`measure-${measure.code}`}
      title={<Space wrap>{measure.name}{measure.suspended && <Tag color="orange">{t('admin.registration.suspendedTag')}</Tag>}
        {measure.legalRepresentativeOf && <Tag>{t('admin.registration.viaLegalRep', { name: measure.legalRepresentativeOf.name })}</Tag>}</Space>}>
      <Descriptions size="small" column={1} items={[
        { key: 'content', label: t('admin.registration.content'), children: measure.content },
        { key: 'basis', label: t('admin.registration.basis'), children: basisText(measure.legalBasis) },
      ]} />
      {measure.entries.map((entry) => (
        <Descriptions key={entry.id} size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }} title={t('admin.registration.entry')} items={[
          { key: 'list', label: t('admin.registration.listName'), children: entry.listType.name },
          { key: 'no', label: t('admin.registration.decisionNo'), children: entry.decisionNo ?? '—' },
          { key: 'by', label: t('admin.registration.listedBy'), children: entry.department ?? '—' },
          { key: 'subject', label: t('admin.registration.listedSubject'), children: entry.listedSubject.name },
          { key: 'period', label: t('admin.registration.period'), children: `${entry.effectiveFrom ?? '—'} ～ ${entry.expiresOn ?? '—'}` },
          { key: 'reasons', label: t('admin.registration.reasons'), children: entry.reasons },
          { key: 'listBasis', label: t('admin.registration.listBasis'), span: 2, children: basisText(entry.listType.legalBasis) },
        ]} />
      ))}
    </Card>
  );
}

function MeasureGroup({ title, measures }: { title: string; measures: CheckMeasure[] }) {
  if (measures.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      {measures.map((m) => <MeasureCard key={`${m.code}-${m.legalRepresentativeOf?.id ?? 0}`} measure={m} />)}
    </>
  );
}

/**
 * `/admin/registration`: 报名拦截演示 — a public-resource trading registration form that checks the
 * bidder (matter tendering) before accepting it, shows why a listed bidder is stopped, and records the
 * outcome against the check.
 */
export function RegistrationDemoPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Registration>();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ input: Registration; result: CheckResult; outcome: string | null } | null>(null);

  const submit = async (input: Registration) => {
    setBusy(true);
    setAnswer(null);
    try {
      const result = await api<CheckResult>('/checks', {
        method: 'POST',
        area: 'admin',
        body: { subject: { uscc: input.uscc.trim() }, matter: 'tendering', purpose: PURPOSE, operator: input.operator.trim() },
      });
      const outcome = result.verdict === 'block' ? OUTCOME_BLOCKED : OUTCOME_ACCEPTED;
      setAnswer({ input, result, outcome: null });
      await api(`/checks/${result.checkId}/outcome`, { method: 'POST', area: 'admin', body: { outcome } })
        .then(() => setAnswer({ input, result, outcome }))
        .catch((error: unknown) => void message.warning(errorText(error)));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const result = answer?.result;
  const blocked = result?.verdict === 'block';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('admin.menu.registration')}</Typography.Title>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('admin.registration.intro')}</Typography.Paragraph>
        <Form<Registration> form={form} layout="vertical" style={{ maxWidth: 560 }} initialValues={{ operator: me.displayName }} onFinish={(v) => void submit(v)}>
          {(['bidderName', 'uscc', 'project', 'operator'] as const).map((field) => (
            <Form.Item key={field} name={field} label={t(`admin.registration.${field}`)}
              rules={[{ required: true, whitespace: true, message: t('admin.registration.required', { what: t(`admin.registration.${field}`) }) }]}>
              <Input maxLength={field === 'uscc' ? 18 : 100} data-testid={`registration-${field}`} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="registration-submit">{t('admin.registration.submit')}</Button>
        </Form>
      </Card>
      {answer && result && (
        <Card variant="borderless" data-testid="registration-result">
          <Result
            status={blocked ? 'error' : 'success'}
            title={blocked ? t('admin.registration.blocked') : t('admin.registration.accepted')}
            subTitle={
              <Space orientation="vertical">
                <span>{blocked ? t('admin.registration.blockedHint') : result.verdict === 'not_found' ? t('admin.registration.notFound') : t('admin.registration.acceptedHint')}</span>
                <span>{t('admin.registration.checkId', { id: result.checkId, summary: result.summary })}</span>
                {answer.outcome && <Tag color={blocked ? 'red' : 'green'}>{t('admin.registration.outcomeSaved', { outcome: answer.outcome })}</Tag>}
              </Space>
            }
          />
          {result.subject && result.subject.name !== answer.input.bidderName.trim() && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('admin.registration.nameMismatch', { name: result.subject.name })} />
          )}
          <MeasureGroup title={t('admin.registration.blocking')} measures={result.blocking} />
          <MeasureGroup title={t('admin.registration.restrictions')} measures={result.restrictions} />
          <MeasureGroup title={t('admin.registration.incentives')} measures={result.incentives} />
          <MeasureGroup title={t('admin.registration.suspended')} measures={result.suspended} />
          {result.legalRepresentative && result.legalRepresentative.measures.length > 0 && (
            <MeasureGroup title={t('admin.registration.legalRep', { name: result.legalRepresentative.name })} measures={result.legalRepresentative.measures} />
          )}
          {result.verdict === 'ambiguous' && (
            <List size="small" dataSource={result.candidates} renderItem={(c) => <List.Item>{c.name} {c.uscc ?? c.idMasked ?? ''}</List.Item>} />
          )}
        </Card>
      )}
    </>
  );
}
