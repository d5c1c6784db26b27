import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TAppealDecision } from '../../../../server/modules/assessment/assessment.schemas.ts';
import type { Appeal, AppealStatus, Sheet } from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n.tsx';
import { APPEAL_COLOR } from './SheetHeading.tsx';

/** The sheet's appeals (申诉) with their decisions; the manager decides the pending ones here. */
export function AppealsPanel({ sheet, onDecide }: { sheet: Sheet; onDecide(a: Appeal): void }) {
  const { t } = useI18n();
  if (!sheet.appeals.length) return null;
  const canDecide = sheet.actions.includes('decide');
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('assessment.appealsTitle')}
      </Typography.Title>
      <Table<Appeal>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sheet.appeals}
        data-testid="appeals-table"
        columns={[
          { title: t('assessment.rule'), dataIndex: 'rowKey', render: (k: string) => k.split(':')[0] },
          { title: t('assessment.col.actual'), dataIndex: 'rowPoints' },
          { title: t('assessment.appealReason'), dataIndex: 'reason' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('assessment.decision'),
            dataIndex: 'status',
            render: (s: AppealStatus, ap) => (
              <Space direction="vertical" size={0}>
                <Tag color={APPEAL_COLOR[s]}>
                  {t(`assessment.appealStatuses.${s}`)}
                  {s === 'upheld' ? ` → ${ap.newPoints ?? 0}` : ''}
                </Tag>
                {ap.decisionReason ? <span>{ap.decisionReason}</span> : null}
              </Space>
            ),
          },
          {
            title: t('assessment.decidedBy'),
            dataIndex: 'decidedByName',
            render: (n: string | null, ap) => (n ? `${n} ${formatDateTime(ap.decidedAt)}` : ''),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, ap) =>
              canDecide && ap.status === 'pending' ? (
                <Button size="small" type="primary" onClick={() => onDecide(ap)}>
                  {t('assessment.decide')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** 处理申诉: uphold (with the row's new points, 0 by default) or reject, always with a reason. */
export function DecideModal({
  appeal,
  onClose,
  onSubmit,
}: {
  appeal: Appeal;
  onClose(): void;
  onSubmit(body: TAppealDecision): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form);
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open
      title={`${t('assessment.decide')}：${appeal.rowKey.split(':')[0]}`}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.confirm')}
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        await onSubmit({
          decision: values.decision,
          reason: values.reason,
          ...(values.decision === 'upheld' ? { newPoints: values.newPoints ?? 0 } : {}),
        }).finally(() => setSaving(false));
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        message={`${appeal.createdByName}：${appeal.reason}（${t('assessment.deducted', { points: appeal.rowPoints })}）`}
      />
      <Form form={form} layout="vertical" initialValues={{ decision: 'upheld', newPoints: 0 }}>
        <Form.Item name="decision" label={t('assessment.decision')}>
          <Radio.Group>
            <Radio value="upheld">{t('assessment.uphold')}</Radio>
            <Radio value="rejected">{t('assessment.reject')}</Radio>
          </Radio.Group>
        </Form.Item>
        {decision !== 'rejected' ? (
          <Form.Item name="newPoints" label={t('assessment.newPoints')}>
            <InputNumber min={0} max={appeal.rowPoints} step={0.5} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('assessment.decisionReason')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
