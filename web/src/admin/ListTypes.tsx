import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { ListKindTag } from '../shared/ListTags';
import { useApi, useErrorText } from '../shared/use-api';
import { useCan } from './auth';
import type { DepartmentView, ListTypeInput, ListTypeView } from './types';

type ListTypeStatus = ListTypeView['status'];
const STATUS_COLORS: Record<ListTypeStatus, string> = { draft: 'default', active: 'green', retired: 'default' };

export function ListTypeStatusTag({ status }: { status: ListTypeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} variant={status === 'retired' ? 'filled' : undefined}>
      {t(`lists.typeStatus.${status}`)}
    </Tag>
  );
}

interface BasisRow {
  title?: string;
  article?: string;
  docNo?: string;
}

type ListTypeForm = Omit<ListTypeInput, 'legalBasis' | 'authorityDepartmentId' | 'defaultDurationMonths'> & {
  legalBasis: BasisRow[];
  authorityDepartmentId: number | null | undefined;
  defaultDurationMonths: number | null | undefined;
};

const EMPTY: ListTypeForm = {
  code: '',
  name: '',
  kind: 'black',
  status: 'draft',
  legalBasis: [{}],
  authority: '',
  authorityDepartmentId: null,
  criteria: '',
  exitConditions: '',
  remedies: '',
  defaultDurationMonths: 36,
  noticeWorkdays: 5,
  serious: false,
  publishPersons: false,
  minorsExcluded: true,
};

const trimmed = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

function toInput(values: ListTypeForm): ListTypeInput {
  return {
    ...values,
    code: values.code.trim(),
    legalBasis: values.legalBasis
      .filter((basis) => trimmed(basis.title))
      .map((basis) => ({
        title: basis.title!.trim(),
        ...(trimmed(basis.article) ? { article: trimmed(basis.article) } : {}),
        ...(trimmed(basis.docNo) ? { docNo: trimmed(basis.docNo) } : {}),
      })),
    authorityDepartmentId: values.authorityDepartmentId ?? null,
    defaultDurationMonths: values.defaultDurationMonths ?? null,
  };
}

/** The create/edit drawer of a list type; read-only for those who may not edit. */
function ListTypeDrawer({
  open,
  type,
  editable,
  departments,
  onClose,
  onSaved,
}: {
  open: boolean;
  type: ListTypeView | null;
  editable: boolean;
  departments: DepartmentView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ListTypeForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(type ? { ...type, legalBasis: type.legalBasis.length ? type.legalBasis : [{}] } : EMPTY);
  }, [open, type, form]);
  const save = async () => {
    let values: ListTypeForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api<ListTypeView>(type ? `/list-types/${type.id}` : '/list-types', { method: type ? 'PUT' : 'POST', area: 'admin', body: toInput(values) });
      void message.success(t('common.saved'));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  const textRules = (max: number) => [{ required: true, whitespace: true, max }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={type ? `${editable ? t('lists.types.edit') : t('common.details')} · ${type.name}` : t('lists.types.create')}
      destroyOnHidden
      footer={
        editable ? (
          <>
            {error !== null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} data-testid="list-type-error" />}
            <Space>
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="list-type-save">
                {t('common.save')}
              </Button>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
            </Space>
          </>
        ) : null
      }
    >
      <Form form={form} layout="vertical" disabled={!editable} initialValues={EMPTY}>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="code" label={t('lists.types.code')} extra={type ? undefined : t('lists.types.codeHint')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,40}$/ }]}>
              <Input disabled={type !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('lists.types.name')} rules={textRules(100)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('lists.types.kind')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={(['black', 'red', 'watch'] as const).map((kind) => ({ value: kind, label: t(`lists.kind.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('lists.types.status')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={(['draft', 'active', 'retired'] as const).map((status) => ({ value: status, label: t(`lists.typeStatus.${status}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('lists.legalBasis')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('lists.types.basisHint')}
        </Typography.Paragraph>
        <Form.List name="legalBasis">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top" data-testid="legal-basis-row">
                  <Col xs={24} md={11}>
                    <Form.Item name={[field.name, 'title']} rules={[{ max: 200 }]}>
                      <Input placeholder={t('lists.types.basisTitle')} aria-label={t('lists.types.basisTitle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={5}>
                    <Form.Item name={[field.name, 'article']} rules={[{ max: 100 }]}>
                      <Input placeholder={t('lists.types.basisArticle')} aria-label={t('lists.types.basisArticle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={6}>
                    <Form.Item name={[field.name, 'docNo']} rules={[{ max: 100 }]}>
                      <Input placeholder={t('lists.types.basisDocNo')} aria-label={t('lists.types.basisDocNo')} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={!editable || fields.length >= 20}>
                  {t('lists.types.addBasis')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="authority" label={t('lists.authority')} rules={textRules(100)}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="authorityDepartmentId" label={t('lists.types.authorityDepartment')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('lists.types.noDepartment')}
                options={
                  departments.length || !type?.authorityDepartmentId
                    ? departments.map((d) => ({ value: d.id, label: d.name }))
                    : [{ value: type.authorityDepartmentId, label: type.authorityDepartmentName ?? String(type.authorityDepartmentId) }]
                }
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="criteria" label={t('lists.criteria')} rules={textRules(4000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="exitConditions" label={t('lists.exitConditions')} rules={textRules(4000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="remedies" label={t('lists.remedies')} rules={textRules(4000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="defaultDurationMonths" label={t('lists.types.defaultDurationMonths')} extra={t('lists.types.defaultDurationHint')}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="noticeWorkdays" label={t('lists.types.noticeWorkdays')} extra={t('lists.types.noticeHint')} rules={[{ required: true }]}>
              <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Space orientation="vertical" size={0}>
          <Form.Item name="serious" valuePropName="checked" noStyle>
            <Checkbox>{t('lists.types.serious')}</Checkbox>
          </Form.Item>
          <Form.Item name="publishPersons" valuePropName="checked" noStyle>
            <Checkbox>{t('lists.types.publishPersons')}</Checkbox>
          </Form.Item>
          <Form.Item name="minorsExcluded" valuePropName="checked" noStyle>
            <Checkbox>{t('lists.types.minorsExcluded')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}

/** `/admin/list-types`: every list type, drafts included; the admin creates and edits them. */
export function ListTypesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isAdmin = can('admin');
  const types = useApi((signal) => api<ListTypeView[]>('/list-types', { area: 'admin', signal }), []);
  const departments = useApi(async (signal) => (isAdmin ? (await api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal })).items : []), [isAdmin]);
  const [drawer, setDrawer] = useState<{ open: boolean; type: ListTypeView | null }>({ open: false, type: null });
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.list-types')}
        </Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, type: null })}>
            {t('lists.types.create')}
          </Button>
        )}
      </Space>
      {types.error ? (
        <ErrorState error={types.error} onRetry={types.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<ListTypeView>
            rowKey="id"
            size="small"
            loading={types.loading}
            dataSource={types.data ?? []}
            scroll={{ x: 1240 }}
            pagination={false}
            columns={[
              { title: t('lists.types.code'), dataIndex: 'code', width: 150, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
              {
                title: t('lists.types.name'),
                dataIndex: 'name',
                width: 260,
                render: (name: string, row) => <a onClick={() => setDrawer({ open: true, type: row })}>{name}</a>,
              },
              { title: t('lists.types.kind'), dataIndex: 'kind', width: 120, render: (kind: ListTypeView['kind']) => <ListKindTag kind={kind} /> },
              { title: t('lists.types.status'), dataIndex: 'status', width: 80, render: (status: ListTypeStatus) => <ListTypeStatusTag status={status} /> },
              { title: t('lists.types.builtin'), dataIndex: 'builtin', width: 70, render: (v: boolean) => (v ? t('common.yes') : '—') },
              {
                title: t('lists.types.legalBasisCount'),
                dataIndex: 'legalBasis',
                width: 90,
                align: 'right',
                render: (basis: ListTypeView['legalBasis']) => (basis.length ? basis.length : <Tag color="warning">0</Tag>),
              },
              { title: t('lists.authority'), dataIndex: 'authority', ellipsis: true },
              { title: t('lists.types.activeEntries'), dataIndex: 'activeEntries', width: 90, align: 'right' },
              { title: t('lists.types.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => formatDateTime(v) },
              {
                title: t('common.actions'),
                width: 80,
                render: (_: unknown, row) => <a onClick={() => setDrawer({ open: true, type: row })}>{isAdmin ? t('common.edit') : t('common.view')}</a>,
              },
            ]}
          />
        </Card>
      )}
      <ListTypeDrawer
        open={drawer.open}
        type={drawer.type}
        editable={isAdmin}
        departments={departments.data ?? []}
        onClose={() => setDrawer((previous) => ({ ...previous, open: false }))}
        onSaved={() => {
          setDrawer((previous) => ({ ...previous, open: false }));
          types.reload();
        }}
      />
    </>
  );
}
