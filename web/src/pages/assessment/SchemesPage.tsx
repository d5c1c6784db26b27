import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { Fragment, useState } from 'react';
import { useAccess } from '../../access.ts';
import {
  type Scheme,
  useAssessmentSettings,
  useSaveScheme,
  useSaveSettings,
  useSchemes,
} from '../../api/assessment.ts';
import { ApiError } from '../../api/client.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

/** 考核方案: each scheme's latest version in the document's layout; the admin edits numbers and texts. */
export function SchemesPage() {
  const schemes = useSchemes();
  return <QueryState query={schemes}>{(list) => <SchemesView schemes={list} />}</QueryState>;
}

function SchemesView({ schemes }: { schemes: Scheme[] }) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<number | undefined>();
  const [editing, setEditing] = useState(false);
  const access = useAccess();
  const options = schemes.map((s) => ({
    value: s.id,
    label: `${s.name} · ${t('assessment.schemeVersion', { v: s.version })}${s.latest ? ` (${t('assessment.latest')})` : ''}`,
  }));
  const scheme = schemes.find((s) => s.id === selected) ?? schemes.find((s) => s.latest);
  return (
    <div>
      <PageHeader
        title={t('assessment.menu.schemes')}
        extra={
          scheme ? (
            <>
              {access.canEditScheme && scheme.latest ? (
                <Button type="primary" onClick={() => setEditing(true)}>
                  {t('assessment.editScheme')}
                </Button>
              ) : null}
              <AuditHistoryButton entity="assessment_scheme" id={scheme.id} />
            </>
          ) : null
        }
      >
        <Select style={{ minWidth: 360 }} value={scheme?.id} onChange={setSelected} options={options} />
      </PageHeader>
      {scheme ? <SchemeTable scheme={scheme} /> : null}
      {access.canEditAssessmentSettings ? <SettingsCard /> : null}
      {editing && scheme ? (
        <SchemeEditor scheme={scheme} onClose={() => setEditing(false)} onSaved={setSelected} />
      ) : null}
    </div>
  );
}

function SchemeTable({ scheme }: { scheme: Scheme }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {scheme.name}
      </Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Tag>{t(`assessment.positions.${scheme.positionCode}`)}</Tag>
        <Tag color="blue">{t('assessment.schemeVersion', { v: scheme.version })}</Tag>
        {scheme.inUse ? <Tag color="green">{t('assessment.inUse')}</Tag> : null}
      </Space>
      <table className="doc-table score-sheet" data-testid="scheme-table">
        <thead>
          <tr>
            <th style={{ width: 44 }}>{t('assessment.col.seq')}</th>
            <th style={{ width: 110 }}>{t('assessment.col.item')}</th>
            <th style={{ width: '26%' }}>{t('assessment.col.requirements')}</th>
            <th style={{ width: 48 }}>{t('assessment.col.weight')}</th>
            <th>{t('assessment.col.method')}</th>
            <th style={{ width: 56 }}>{t('assessment.col.cap')}</th>
            <th style={{ width: 180 }}>{t('assessment.col.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {scheme.items.map((item) => (
            <Fragment key={item.key}>
              {(item.rules.length ? item.rules : [null]).map((rule, i) => (
                <tr key={rule?.key ?? item.key}>
                  {i === 0 ? (
                    <>
                      <td rowSpan={item.rules.length || 1} className="center">
                        {item.key === '0' ? '' : item.key}
                      </td>
                      <td rowSpan={item.rules.length || 1}>{item.name}</td>
                      <td rowSpan={item.rules.length || 1} className="small">
                        {item.requirements}
                      </td>
                      <td rowSpan={item.rules.length || 1} className="center">
                        {item.weight}%
                      </td>
                    </>
                  ) : null}
                  <td className="small">{rule?.text}</td>
                  <td className="center">{rule?.cap}</td>
                  <td className="small">
                    {rule ? (
                      <>
                        {t(`assessment.kinds.${rule.kind}`)} · {t('assessment.perUnit')} {rule.pointsPerUnit}
                        {rule.metricKey ? (
                          <div>
                            <Typography.Text code>{rule.metricKey}</Typography.Text>
                          </div>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SchemeEditor({
  scheme,
  onClose,
  onSaved,
}: {
  scheme: Scheme;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const save = useSaveScheme();
  return (
    <Modal
      open
      width={960}
      title={`${t('assessment.editScheme')} · ${scheme.name}`}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      onOk={async () => {
        const values = await form.validateFields();
        const items = scheme.items.map((item, i) => ({
          ...item,
          weight: values.items[i].weight,
          rules: item.rules.map((rule, j) => ({ ...rule, ...values.items[i].rules[j] })),
        }));
        try {
          const saved = await save.mutateAsync({
            id: scheme.id,
            body: {
              name: values.name,
              positionCode: scheme.positionCode,
              items,
              editVersion: scheme.editVersion,
            },
          });
          message.success(t('common.saved'));
          onSaved(saved.id);
          onClose();
        } catch (e) {
          if (e instanceof ApiError && e.fields.length) {
            // the engine's validation names fields by path: items/2/rules/0/cap
            form.setFields(
              e.fields.map((f) => ({
                name: f.field.split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
                errors: [f.message],
              })),
            );
            message.error(`${e.message}：${e.fields.map((f) => f.message).join('；')}`);
          } else showError(e);
        }
      }}
    >
      {scheme.inUse ? (
        <Alert type="info" style={{ marginBottom: 12 }} message={t('assessment.editSchemeNote')} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ name: scheme.name, items: scheme.items }}>
        <Form.Item name="name" label={t('assessment.scheme')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="items" hidden noStyle>
          <Input type="hidden" />
        </Form.Item>
        {scheme.items.map((item, i) => (
          <Card
            key={item.key}
            size="small"
            style={{ marginBottom: 8 }}
            title={`${item.key === '0' ? '' : item.key} ${item.name}`}
          >
            <Form.Item
              name={['items', i, 'weight']}
              label={t('assessment.col.weight')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
            {item.rules.map((rule, j) => (
              <Space key={rule.key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={['items', i, 'rules', j, 'text']}
                  label={`${rule.key} ${t('assessment.col.method')}`}
                  style={{ width: 520 }}
                >
                  <Input.TextArea autoSize />
                </Form.Item>
                <Form.Item name={['items', i, 'rules', j, 'pointsPerUnit']} label={t('assessment.perUnit')}>
                  <InputNumber min={0} max={100} step={0.5} />
                </Form.Item>
                <Form.Item name={['items', i, 'rules', j, 'cap']} label={t('assessment.col.cap')}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
                {rule.metricKey ? (
                  <Form.Item name={['items', i, 'rules', j, 'scope']} label={t('assessment.scope')}>
                    <Select
                      style={{ width: 130 }}
                      allowClear
                      placeholder={t('assessment.scopeDefault')}
                      options={[
                        { value: 'own', label: t('assessment.scopeOwn') },
                        { value: 'team', label: t('assessment.scopeTeam') },
                        { value: 'project', label: t('assessment.scopeProject') },
                      ]}
                    />
                  </Form.Item>
                ) : null}
              </Space>
            ))}
          </Card>
        ))}
      </Form>
    </Modal>
  );
}

function SettingsCard() {
  const { t } = useI18n();
  const settings = useAssessmentSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm();
  return (
    <Card title={t('assessment.settings')} style={{ marginTop: 24, maxWidth: 520 }}>
      <QueryState query={settings}>
        {(initial) => (
          <Form
            form={form}
            layout="inline"
            initialValues={initial}
            onFinish={async (values) => {
              try {
                await save.mutateAsync({
                  periodStartDay: values.periodStartDay,
                  appealDays: values.appealDays,
                  countRenovating: values.countRenovating,
                  version: initial.version,
                });
                message.success(t('common.saved'));
              } catch (e) {
                showError(e, form);
              }
            }}
          >
            <Form.Item name="periodStartDay" label={t('assessment.periodStartDay')}>
              <InputNumber min={1} max={28} />
            </Form.Item>
            <Form.Item name="appealDays" label={t('assessment.appealDays')}>
              <InputNumber min={1} max={30} />
            </Form.Item>
            <Form.Item
              name="countRenovating"
              label={t('assessment.countRenovating')}
              tooltip={t('assessment.countRenovatingNote')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            <Button htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </QueryState>
    </Card>
  );
}
