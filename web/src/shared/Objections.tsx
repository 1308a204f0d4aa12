import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SEVERITY_PERIOD_MONTHS } from '../../../src/catalog/severity-periods.js';
import { DEFAULT_MIN_MONTHS } from '../../../src/repairs/periods.js';
import { useDueProcess } from './due-process';
import type { Objection, ObjectionSummary } from '../../../src/objections/schemas.js';
import { formatDate } from './format';

export type { Objection, ObjectionSummary };
export type ObjectionStatus = ObjectionSummary['status'];
export type ObjectionReason = ObjectionSummary['reasonCode'];

export const OBJECTION_STATUSES: readonly ObjectionStatus[] = ['submitted', 'verifying', 'closed'];
export const OBJECTION_REASONS: readonly ObjectionReason[] = ['wrong', 'missing', 'duplicate', 'should_not_be_public', 'past_period', 'differs_from_source'];

const STATUS_COLORS: Record<ObjectionStatus, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  refused: 'default',
  verifying: 'orange',
  upheld: 'green',
  rejected: 'default',
  closed: 'default',
};

export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-objection-status={status}>
      {t(`objection.status.${status}`)}
    </Tag>
  );
}

/** The deadline that runs now: acceptance while submitted, verification while verifying; red when overdue. */
export function ObjectionDeadline({ objection }: { objection: ObjectionSummary }) {
  const { t } = useTranslation();
  const due = objection.status === 'submitted' ? objection.acceptDue : objection.status === 'closed' ? null : objection.verifyDue;
  if (!due) return <>—</>;
  return (
    <span data-overdue={objection.overdue || undefined}>
      {formatDate(due)}
      {objection.overdue && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {t('objection.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** 处理结果: the decision and its reasons once decided, else 办理中. */
export function objectionResult(objection: ObjectionSummary, t: (key: string) => string): string {
  if (!objection.decision) return t('objection.pending');
  const decision = t(`objection.decision.${objection.decision}`) + (objection.remedy ? `（${t(`objection.remedy.${objection.remedy}`)}）` : '');
  return objection.decisionReasons ? `${decision}：${objection.decisionReasons}` : decision;
}

const monthsText = (months: number, t: (key: string, options?: Record<string, unknown>) => string) =>
  months === 0 ? t('repair.howto.anyTime') : months % 12 === 0 ? t('repair.howto.years', { count: months / 12 }) : t('repair.howto.months', { count: months });

/**
 * 如何提出异议 / 如何申请信用修复 / 如何投诉举报, in plain words, for the website. Every period and deadline
 * comes from the backend: the periods from its constants, the deadlines in force from GET /public/due-process.
 */
export function ObjectionHowTo() {
  const { t } = useTranslation();
  const deadlines = useDueProcess();
  if (!deadlines) return null;
  const objection = { accept: deadlines.objectionAcceptWorkdays, verify: deadlines.objectionVerifyWorkdays };
  const repair = { dept: deadlines.repairDepartmentWorkdays, total: deadlines.repairTotalWorkdays };
  const tier = (key: 'minor' | 'general' | 'serious') =>
    t(`repair.howto.${key}`, { min: monthsText(SEVERITY_PERIOD_MONTHS[key].min, t), max: monthsText(SEVERITY_PERIOD_MONTHS[key].max, t) });
  const steps = (items: string[]) => (
    <ol style={{ paddingInlineStart: 20, margin: 0 }}>
      {items.map((text) => (
        <li key={text} style={{ marginBottom: 4 }}>
          {text}
        </li>
      ))}
    </ol>
  );
  return (
    <Card variant="borderless" title={t('objection.howto.title')} style={{ marginTop: 16 }} data-testid="objection-howto">
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>{t('objection.howto.objectionTitle')}</Typography.Title>
          {steps([t('objection.howto.objection1'), t('objection.howto.objection2'), t('objection.howto.objection3'), t('objection.howto.objection4', objection)])}
        </Col>
        <Col xs={24} lg={8} data-testid="repair-howto">
          <Typography.Title level={5}>{t('repair.howto.title')}</Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('repair.howto.when')}</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
            <li>{tier('minor')}</li>
            <li>{tier('general')}</li>
            <li>{tier('serious')}</li>
            <li>{t('repair.howto.unclassified', { min: monthsText(DEFAULT_MIN_MONTHS, t) })}</li>
          </ul>
          <Typography.Paragraph type="secondary">{t('repair.howto.list')}</Typography.Paragraph>
          {steps([t('repair.howto.step1'), t('repair.howto.step2'), t('repair.howto.step3', repair), t('repair.howto.step4')])}
        </Col>
        <Col xs={24} lg={8} data-testid="complaint-howto">
          <Typography.Title level={5}>{t('repair.howto.complaintTitle')}</Typography.Title>
          {steps([
            t('repair.howto.complaint1'),
            t('repair.howto.complaint2'),
            t('repair.howto.complaint3', { days: deadlines.complaintWorkdays }),
            t('repair.howto.complaint4'),
          ])}
          <Link to="/complaints">{t('nav.complaints')} →</Link>
        </Col>
      </Row>
    </Card>
  );
}
