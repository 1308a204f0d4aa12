import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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

/** 如何提出异议 / 如何申请信用修复, in plain words, for the website. */
export function ObjectionHowTo() {
  const { t } = useTranslation();
  const steps = (keys: string[]) => (
    <ol style={{ paddingInlineStart: 20, margin: 0 }}>
      {keys.map((key) => (
        <li key={key} style={{ marginBottom: 4 }}>
          {t(key)}
        </li>
      ))}
    </ol>
  );
  return (
    <Card variant="borderless" title={t('objection.howto.title')} style={{ marginTop: 16 }} data-testid="objection-howto">
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('objection.howto.objectionTitle')}</Typography.Title>
          {steps(['objection.howto.objection1', 'objection.howto.objection2', 'objection.howto.objection3', 'objection.howto.objection4'])}
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('objection.howto.repairTitle')}</Typography.Title>
          {steps(['objection.howto.repair1', 'objection.howto.repair2', 'objection.howto.repair3'])}
        </Col>
      </Row>
    </Card>
  );
}
