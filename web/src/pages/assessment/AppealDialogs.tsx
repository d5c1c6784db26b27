import { Alert, Checkbox, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TAppealDecision } from '../../../../server/modules/assessment/assessment.schemas.ts';
import type { Appeal, DeductionRow } from '../../api/assessment.ts';
import { useI18n } from '../../i18n.tsx';

const refKey = (ref: { entity: string; id: number | string }) => `${ref.entity}:${ref.id}`;
const refLabel = (ref: { entity: string; id: number | string; label?: string }) =>
  ref.label ?? `${ref.entity} #${ref.id}`;

/** A row that counted records is appealed case by case; a manual row (or one without records) as a whole. */
export function appealsByCase(row: DeductionRow) {
  return row.source === 'auto' && row.evidence.length > 0;
}

/**
 * 申诉: the assessee ticks the cases of the row she disputes (every record the row counts is listed) and
 * gives a reason. A row is appealed once, so the dialog says so.
 */
export function AppealModal({
  row,
  onClose,
  onSubmit,
}: {
  row: DeductionRow;
  onClose(): void;
  onSubmit(body: { cases?: { entity: string; id: number | string }[]; reason: string }): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const byCase = appealsByCase(row);
  const byKey = new Map(row.evidence.map((ref) => [refKey(ref), ref]));
  return (
    <Modal
      open
      width={640}
      title={`${t('assessment.appealTitle')}：${row.ruleKey}（${t('assessment.deducted', { points: row.points })}）`}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('assessment.appealSubmit')}
      okButtonProps={{ 'data-testid': 'appeal-submit' } as never}
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        const cases = byCase
          ? (values.cases as string[]).map((k) => {
              const ref = byKey.get(k)!;
              return { entity: ref.entity, id: ref.id };
            })
          : undefined;
        await onSubmit({ cases, reason: values.reason }).finally(() => setSaving(false));
      }}
    >
      <Alert type="info" style={{ marginBottom: 12 }} message={row.explanation} />
      <Form form={form} layout="vertical">
        {byCase ? (
          <Form.Item
            name="cases"
            label={t('assessment.appealCases')}
            extra={t('assessment.appealCasesHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('assessment.appealCasesRequired') }]}
          >
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              {row.evidence.map((ref) => (
                <Checkbox key={refKey(ref)} value={refKey(ref)} data-testid={`appeal-case-${refKey(ref)}`}>
                  {refLabel(ref)}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('assessment.appealWholeRow')}</Typography.Paragraph>
        )}
        <Form.Item
          name="reason"
          label={t('assessment.appealReason')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('assessment.appealOnce')}</Typography.Text>
    </Modal>
  );
}

/**
 * 处理申诉: the manager decides each disputed case (成立 / 驳回) with a reason, or the whole row when the
 * appeal has no cases. Upheld cases leave the row and its rule recomputes it: nobody types a new number.
 */
export function DecideModal({
  appeal,
  row,
  onClose,
  onSubmit,
}: {
  appeal: Appeal;
  row?: DeductionRow;
  onClose(): void;
  onSubmit(body: TAppealDecision): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const byCase = appeal.cases.length > 0;
  return (
    <Modal
      open
      width={720}
      title={`${t('assessment.decide')}：${appeal.rowKey.split(':')[0]}`}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('assessment.decideSubmit')}
      okButtonProps={{ 'data-testid': 'decide-submit' } as never}
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        const body: TAppealDecision = byCase
          ? {
              cases: appeal.cases.map((c, i) => ({
                caseId: c.id,
                decision: values.cases[i].decision,
                reason: values.cases[i].reason,
              })),
            }
          : { decision: values.decision, reason: values.reason };
        await onSubmit(body).finally(() => setSaving(false));
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        message={`${appeal.createdByName}：${appeal.reason}`}
        description={row?.explanation}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={
          byCase ? { cases: appeal.cases.map(() => ({ decision: 'upheld' })) } : { decision: 'upheld' }
        }
      >
        {byCase ? (
          appeal.cases.map((c, i) => (
            <div key={c.id} className="appeal-case" data-testid={`decide-case-${c.id}`}>
              <Typography.Text strong>{refLabel(c.ref)}</Typography.Text>
              <Space wrap align="start" style={{ width: '100%' }}>
                <Form.Item name={['cases', i, 'decision']} style={{ marginBottom: 8 }}>
                  <Radio.Group>
                    <Radio value="upheld">{t('assessment.uphold')}</Radio>
                    <Radio value="rejected">{t('assessment.reject')}</Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item
                  name={['cases', i, 'reason']}
                  style={{ marginBottom: 8, minWidth: 280 }}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      max: 1000,
                      message: t('assessment.caseReasonRequired'),
                    },
                  ]}
                >
                  <Input placeholder={t('assessment.decisionReason')} />
                </Form.Item>
              </Space>
            </div>
          ))
        ) : (
          <>
            <Form.Item name="decision" label={t('assessment.decision')}>
              <Radio.Group>
                <Radio value="upheld">{t('assessment.upholdWhole')}</Radio>
                <Radio value="rejected">{t('assessment.reject')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('assessment.decisionReason')}
              rules={[{ required: true, whitespace: true, max: 1000 }]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          </>
        )}
      </Form>
      <Alert type="warning" showIcon message={t('assessment.decideConsequence')} />
    </Modal>
  );
}
