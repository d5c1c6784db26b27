import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, message, Select, Space } from 'antd';
import { useState } from 'react';
import { type Sheet, useAddManualEntry } from '../../api/assessment.ts';
import { showError } from '../../components/errors.ts';
import { useI18n } from '../../i18n.tsx';

/** A dialog asking for one reason (申诉理由, 修订原因): required, up to 1000 characters. */
export function ReasonModal({
  title,
  label,
  description,
  onClose,
  onSubmit,
}: {
  title: string;
  label: string;
  description?: string;
  onClose(): void;
  onSubmit(reason: string): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.confirm')}
      onOk={async () => {
        const { reason } = await form.validateFields();
        setSaving(true);
        await onSubmit(reason).finally(() => setSaving(false));
      }}
    >
      {description ? <Alert type="info" style={{ marginBottom: 12 }} message={description} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const EVIDENCE_ENTITIES = ['repair_order', 'complaint', 'task', 'report', 'inspection', 'employee', 'note'];

/** 人工扣分: a rule of the scheme, how many, optionally the points, a reason and the evidence. */
export function ManualEntryModal({
  sheet,
  locale,
  onClose,
  onSaved,
}: {
  sheet: Sheet;
  locale: string;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const addManual = useAddManualEntry();
  const rules = sheet.scheme.items.flatMap((item) => item.rules.map((rule) => ({ item, rule })));
  return (
    <Modal
      open
      width={720}
      title={t('assessment.addManual')}
      onCancel={onClose}
      confirmLoading={addManual.isPending}
      okText={t('common.save')}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          const evidence = (values.evidence ?? [])
            .filter((e: { entity?: string; id?: string }) => e?.entity && e?.id)
            .map((e: { entity: string; id: string; label?: string }) => ({
              entity: e.entity,
              id: /^\d+$/.test(e.id) ? Number(e.id) : e.id,
              ...(e.label ? { label: e.label } : {}),
            }));
          await addManual.mutateAsync({
            id: sheet.assessment.id,
            body: {
              ruleKey: values.ruleKey,
              quantity: values.quantity,
              ...(values.points !== undefined && values.points !== null ? { points: values.points } : {}),
              reason: values.reason,
              evidence,
            },
          });
          message.success(t('common.saved'));
          onSaved();
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ quantity: 1 }} lang={locale}>
        <Form.Item name="ruleKey" label={t('assessment.rule')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={rules.map(({ item, rule }) => ({
              value: rule.key,
              label: `${rule.key} ${item.name}：${rule.text}`,
            }))}
          />
        </Form.Item>
        <Space size="large">
          <Form.Item name="quantity" label={t('assessment.quantity')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={1000} />
          </Form.Item>
          <Form.Item name="points" label={t('assessment.points')}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item
          name="reason"
          label={t('assessment.reason')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'entity']} label={t('assessment.evidenceEntity')}>
                    <Select
                      style={{ width: 150 }}
                      options={EVIDENCE_ENTITIES.map((e) => ({ value: e, label: e }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'id']} label={t('assessment.evidenceId')}>
                    <Input style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} label={t('assessment.evidenceLabel')}>
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('common.delete')}
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('assessment.addEvidence')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
