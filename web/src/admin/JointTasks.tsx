import { Alert, App, Card, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { EChart } from '../shared/EChart';
import type { EChartsOption } from '../shared/echarts';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';
import { useSession } from './auth';
import { basisText, KindTag } from './Measures';
import type { JointTask, JointTaskPage, JointTaskStats, JointTaskStatsRow, JointTaskStatus } from './types';

const STATUSES: readonly JointTaskStatus[] = ['pending', 'implemented', 'not_applicable', 'cancelled'];
const STATUS_COLORS: Record<JointTaskStatus, string> = { pending: 'gold', implemented: 'green', not_applicable: 'blue', cancelled: 'default' };
const PAGE_SIZE = 20;

function StatusTag({ task }: { task: JointTask }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[task.status]}>{t(`admin.jointTasks.statusNames.${task.status}`)}</Tag>
      {task.overdue && <Tag color="red">{t('admin.jointTasks.overdue')}</Tag>}
    </Space>
  );
}

type AnswerForm = { outcome: 'implemented' | 'not_applicable'; note: string };

/** The answer dialog: 已落实 with what was done, or 不适用 with the reason. */
function AnswerDialog({ task, onClose, onAnswered }: { task: JointTask | null; onClose: () => void; onAnswered: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<AnswerForm>();
  const outcome = Form.useWatch('outcome', form) ?? 'implemented';
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: AnswerForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!task) return;
    setSaving(true);
    try {
      await api(`/joint-tasks/${task.id}/response`, { method: 'POST', area: 'admin', body: values });
      void message.success(t('admin.jointTasks.answered'));
      form.resetFields();
      onAnswered();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={task !== null} title={t('admin.jointTasks.answer')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {task && (
        <Typography.Paragraph>
          <b>{task.subject.name}</b> · {task.measure.name}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ outcome: 'implemented', note: '' }}>
        <Form.Item name="outcome" label={t('admin.jointTasks.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['implemented', 'not_applicable'] as const).map((o) => ({ value: o, label: t(`admin.jointTasks.statusNames.${o}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={outcome === 'implemented' ? t('admin.jointTasks.implementedNote') : t('admin.jointTasks.notApplicableNote')}
          rules={[{ required: true, whitespace: true, message: t('admin.jointTasks.noteRequired') }, { max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/admin/joint-tasks`: 联合奖惩 inbox — a department's tasks (the credit centre sees every department's). */
export function JointTasksPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [status, setStatus] = useState<JointTaskStatus | undefined>('pending');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<JointTask | null>(null);
  const list = useApi(
    (signal) => api<JointTaskPage>('/joint-tasks', { query: { status, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [status, overdue, page],
  );
  const ownDepartment = me.department?.id ?? null;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.joint-tasks')}
        </Typography.Title>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('admin.jointTasks.all')}
            value={status}
            onChange={(value: JointTaskStatus | undefined) => {
              setStatus(value);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`admin.jointTasks.statusNames.${s}`) }))}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              setPage(1);
            }}
          >
            {t('admin.jointTasks.onlyOverdue')}
          </Checkbox>
        </Space>
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<JointTask>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1200 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage, showTotal: (count) => t('common.total', { count }) }}
            expandable={{
              expandedRowRender: (task) => (
                <Space direction="vertical" size={4}>
                  <Typography.Text>{task.measure.content}</Typography.Text>
                  {task.measure.legalBasis.map((b, i) => (
                    <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
                      {basisText(b)}
                    </Typography.Text>
                  ))}
                  {task.response && (
                    <Typography.Text>
                      {t('admin.jointTasks.response')}：{task.response}（{task.respondedBy} · {formatDateTime(task.respondedAt)}）
                    </Typography.Text>
                  )}
                </Space>
              ),
            }}
            columns={[
              {
                title: t('admin.jointTasks.subject'),
                width: 220,
                render: (_: unknown, task) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{task.subject.name}</Typography.Text>
                    {task.subject.uscc && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.subject.uscc}</Typography.Text>}
                    {task.subject.legalRepName && <Typography.Text style={{ fontSize: 12 }}>{t('admin.jointTasks.legalRep', { name: task.subject.legalRepName })}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: t('admin.jointTasks.listType'),
                width: 170,
                render: (_: unknown, task) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={task.listType.kind === 'red' ? 'green' : 'default'}>{task.listType.name}</Tag>
                    {task.entry.decisionNo && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('admin.jointTasks.decisionNo', { no: task.entry.decisionNo })}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: t('admin.jointTasks.entry'),
                width: 200,
                render: (_: unknown, task) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: task.entry.reasons }}>{task.entry.reasons}</Typography.Paragraph>,
              },
              {
                title: t('admin.jointTasks.measure'),
                render: (_: unknown, task) => (
                  <Tooltip title={task.measure.content}>
                    <Space size={4} wrap>
                      <KindTag kind={task.measure.kind} />
                      {task.measure.name}
                    </Space>
                  </Tooltip>
                ),
              },
              ...(ownDepartment === null ? [{ title: t('admin.jointTasks.department'), width: 140, render: (_: unknown, task: JointTask) => task.department.name }] : []),
              {
                title: t('admin.jointTasks.dueOn'),
                width: 110,
                render: (_: unknown, task) => <Typography.Text type={task.overdue ? 'danger' : undefined}>{formatDate(task.dueOn)}</Typography.Text>,
              },
              { title: t('admin.jointTasks.status'), width: 140, render: (_: unknown, task) => <StatusTag task={task} /> },
              {
                title: t('common.actions'),
                width: 80,
                render: (_: unknown, task) =>
                  task.status === 'pending' && task.department.id === ownDepartment ? <a onClick={() => setAnswering(task)}>{t('admin.jointTasks.answer')}</a> : null,
              },
            ]}
          />
        </Card>
      )}
      <AnswerDialog
        task={answering}
        onClose={() => setAnswering(null)}
        onAnswered={() => {
          setAnswering(null);
          list.reload();
        }}
      />
    </>
  );
}

/** `/admin/joint-stats`: 跟踪问效 — feedback per implementing department and per list (the credit centre). */
export function JointStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const stats = useApi((signal) => api<JointTaskStats>('/joint-tasks/stats', { query: { from, to }, area: 'admin', signal }), [from, to]);
  const rateLabel = t('admin.jointStats.feedbackRate');
  const overdueLabel = t('admin.jointStats.overdue');
  const departments = useMemo(() => stats.data?.byDepartment.filter((d) => d.tasks > 0) ?? [], [stats.data]);
  const chart = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${Number(v).toFixed(1)}%` },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: departments.map((d) => d.name).reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        {
          name: rateLabel,
          type: 'bar',
          barMaxWidth: 24,
          data: departments.map((d) => ({ value: Math.round((d.feedbackRate ?? 0) * 1000) / 10, itemStyle: { color: d.overdue > 0 ? '#cf1322' : '#389e0d' } })).reverse(),
        },
      ],
    }),
    [departments, rateLabel],
  );
  const columns = [
    { title: t('admin.jointStats.name'), dataIndex: 'name' },
    ...(['tasks', 'answered', 'implemented', 'notApplicable', 'pending'] as const).map((key) => ({
      title: t(`admin.jointStats.${key}`),
      dataIndex: key,
      width: 90,
      align: 'right' as const,
      render: (v: number) => formatNumber(v),
    })),
    { title: overdueLabel, dataIndex: 'overdue', width: 80, align: 'right' as const, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatNumber(v)}</Typography.Text> : '0') },
    { title: rateLabel, dataIndex: 'feedbackRate', width: 90, align: 'right' as const, render: (v: number | null) => (v === null ? '—' : formatPercent(v)) },
  ];
  const total = stats.data?.total;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.joint-stats')}
        </Typography.Title>
        <Space>
          <Typography.Text>{t('admin.jointStats.period')}</Typography.Text>
          <DatePicker.RangePicker allowEmpty={[true, true]} value={range} onChange={(value) => setRange(value)} />
        </Space>
      </Space>
      {stats.error && <ErrorState error={stats.error} onRetry={stats.reload} home="/admin" />}
      {total && total.overdue > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`${overdueLabel}：${formatNumber(total.overdue)}`} />}
      <Row gutter={[16, 16]}>
        {(['tasks', 'answered', 'pending', 'overdue'] as const).map((key) => (
          <Col xs={12} md={6} key={key}>
            <Card variant="borderless" loading={stats.loading && !stats.data}>
              <Statistic title={t(`admin.jointStats.${key}`)} value={formatNumber(total?.[key])} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={10}>
          <Card variant="borderless" title={t('admin.jointStats.chart')}>
            {stats.data && <EChart option={chart} height={Math.max(240, departments.length * 30 + 60)} label={t('admin.jointStats.chart')} />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('admin.jointStats.byDepartment')}>
            <Table<JointTaskStatsRow> rowKey="id" size="small" loading={stats.loading} dataSource={stats.data?.byDepartment ?? []} columns={columns} pagination={false} scroll={{ x: 800 }} />
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t('admin.jointStats.byListType')}>
            <Table<JointTaskStatsRow> rowKey="id" size="small" loading={stats.loading} dataSource={stats.data?.byListType ?? []} columns={columns} pagination={false} scroll={{ x: 800 }} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
