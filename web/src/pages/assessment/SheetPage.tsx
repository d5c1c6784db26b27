import {
  CheckCircleOutlined,
  FileExcelOutlined,
  LockOutlined,
  PlusOutlined,
  PrinterOutlined,
  ReloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Appeal,
  assessmentApi,
  type DeductionRow,
  type Sheet,
  useAssessmentSettings,
} from '../../api/assessment.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';
import { ScoreSheetTable } from './ScoreSheetTable.tsx';

export const STATUS_COLOR = { draft: 'default', published: 'blue', finalized: 'green' } as const;

export function useSheet(id: number) {
  return useQuery({ queryKey: ['assessment', id], queryFn: () => assessmentApi.get(id) });
}

export function SheetHeading({ sheet }: { sheet: Sheet }) {
  const { t } = useI18n();
  const a = sheet.assessment;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('assessment.assessee')}>{a.assesseeName}</Descriptions.Item>
      <Descriptions.Item label={t('assessment.project')}>{a.projectName}</Descriptions.Item>
      <Descriptions.Item label={t('assessment.period')}>
        {a.period}（{a.periodStart} ~ {dayjs(a.periodEnd).subtract(1, 'day').format('YYYY-MM-DD')}）
      </Descriptions.Item>
      <Descriptions.Item label={t('assessment.assessor')}>{a.assessorName}</Descriptions.Item>
      <Descriptions.Item label={t('assessment.status')}>
        <Tag color={STATUS_COLOR[a.status]} data-testid="sheet-status">
          {t(`assessment.statuses.${a.status}`)}
        </Tag>
        {t('assessment.revisionN', { n: a.revision })}
      </Descriptions.Item>
      <Descriptions.Item label={t('assessment.total')}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {sheet.total}
        </Typography.Text>{' '}
        / {sheet.fullMarks}
      </Descriptions.Item>
      {a.appealDeadline ? (
        <Descriptions.Item label={t('assessment.appealDeadline')}>
          {formatDateTime(a.appealDeadline)}
          {a.status === 'published' && !sheet.appealWindowOpen ? (
            <Tag style={{ marginLeft: 8 }}>{t('assessment.appealWindowClosed')}</Tag>
          ) : null}
        </Descriptions.Item>
      ) : null}
      {a.revisionReason ? (
        <Descriptions.Item label={t('assessment.reviseReason')} span={2}>
          {a.revisionReason}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export function SheetPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const query = useSheet(id);
  const settings = useAssessmentSettings();
  const queryClient = useQueryClient();
  const [appealRow, setAppealRow] = useState<DeductionRow | null>(null);
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [reviseOpen, setReviseOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const sheet = query.data;
  if (!sheet)
    return query.isError ? (
      <Alert type="error" message={(query.error as Error).message} />
    ) : (
      <Skeleton active />
    );
  const a = sheet.assessment;
  const can = (action: Sheet['actions'][number]) => sheet.actions.includes(action);

  async function apply(run: () => Promise<Sheet>, done?: string) {
    setBusy(true);
    try {
      const next = await run();
      queryClient.setQueryData(['assessment', next.assessment.id], next);
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
      await queryClient.invalidateQueries({ queryKey: ['assessment-appeals'] });
      if (done) message.success(done);
      return next;
    } catch (e) {
      showError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }

  const latest = sheet.revisions[sheet.revisions.length - 1];
  return (
    <div>
      <PageHeader
        title={`${a.assesseeName} · ${a.period} · ${sheet.scheme.name}`}
        extra={
          <>
            {can('refresh') ? (
              <Button
                icon={<ReloadOutlined />}
                loading={busy}
                onClick={() => apply(() => assessmentApi.refresh(id), t('assessment.refreshed'))}
              >
                {t('assessment.refresh')}
              </Button>
            ) : null}
            {can('addManual') ? (
              <Button icon={<PlusOutlined />} onClick={() => setManualOpen(true)}>
                {t('assessment.addManual')}
              </Button>
            ) : null}
            {can('publish') ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy}
                onClick={() =>
                  Modal.confirm({
                    title: t('assessment.publish'),
                    content: t('assessment.publishConfirm', { days: settings.data?.appealDays ?? 3 }),
                    onOk: () => apply(() => assessmentApi.publish(id), t('assessment.published')),
                  })
                }
              >
                {t('assessment.publish')}
              </Button>
            ) : null}
            {can('finalize') ? (
              <Button
                type="primary"
                icon={<LockOutlined />}
                loading={busy}
                onClick={() =>
                  Modal.confirm({
                    title: t('assessment.finalize'),
                    content: t('assessment.finalizeConfirm'),
                    onOk: () => apply(() => assessmentApi.finalize(id), t('assessment.finalized')),
                  })
                }
              >
                {t('assessment.finalize')}
              </Button>
            ) : null}
            {can('revise') ? (
              <Button onClick={() => setReviseOpen(true)}>{t('assessment.revise')}</Button>
            ) : null}
            <Link to={`/assessment/sheets/${id}/print`}>
              <Button icon={<PrinterOutlined />}>{t('assessment.print')}</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} href={assessmentApi.exportHref(id)}>
              {t('assessment.exportExcel')}
            </Button>
            <AuditHistoryButton entity="assessment" id={id} />
          </>
        }
      />
      {a.status === 'finalized' ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          style={{ marginBottom: 12 }}
          message={t('assessment.lockedNote', { at: formatDateTime(a.finalizedAt) })}
        />
      ) : null}
      {latest && latest.id !== a.id ? (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={
            <>
              {t('assessment.oldRevisionNote', { n: latest.revision })}{' '}
              <Link to={`/assessment/sheets/${latest.id}`}>{t('assessment.goToSheet')}</Link>
            </>
          }
        />
      ) : null}
      {sheet.missingMetrics.length && a.status === 'draft' ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={t('assessment.missingMetricsNote', { keys: sheet.missingMetrics.join('、') })}
        />
      ) : null}
      {sheet.warnings.map((w) => (
        <Alert
          key={`${w.code}:${w.subject}`}
          type="warning"
          style={{ marginBottom: 8 }}
          message={w.message}
        />
      ))}
      <SheetHeading sheet={sheet} />
      <ScoreSheetTable
        sheet={sheet}
        onAppeal={setAppealRow}
        onDecide={setDeciding}
        onDeleteManual={(row) =>
          Modal.confirm({
            title: t('assessment.deleteManual'),
            content: row.detail,
            onOk: () => apply(() => assessmentApi.deleteManual(id, row.manualEntryId!)),
          })
        }
      />
      <AppealsTable sheet={sheet} onDecide={setDeciding} />
      {sheet.revisions.length > 1 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('assessment.revisions')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={sheet.revisions}
            columns={[
              {
                title: t('assessment.revision'),
                dataIndex: 'revision',
                render: (n, r) =>
                  r.id === a.id ? (
                    t('assessment.revisionN', { n })
                  ) : (
                    <Link to={`/assessment/sheets/${r.id}`}>{t('assessment.revisionN', { n })}</Link>
                  ),
              },
              {
                title: t('assessment.status'),
                dataIndex: 'status',
                render: (s) => t(`assessment.statuses.${s}`),
              },
              { title: t('assessment.total'), dataIndex: 'total' },
              { title: t('assessment.reviseReason'), dataIndex: 'revisionReason' },
              { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
            ]}
          />
        </>
      ) : null}
      {appealRow ? (
        <ReasonModal
          title={`${t('assessment.appealTitle')}：${appealRow.ruleKey}（${t('assessment.deducted', { points: appealRow.points })}）`}
          label={t('assessment.appealReason')}
          description={appealRow.detail}
          onClose={() => setAppealRow(null)}
          onSubmit={async (reason) => {
            const ok = await apply(
              () => assessmentApi.appeal(id, appealRow.rowKey, reason),
              t('assessment.appealSent'),
            );
            if (ok) setAppealRow(null);
          }}
        />
      ) : null}
      {deciding ? (
        <DecideModal
          appeal={deciding}
          onClose={() => setDeciding(null)}
          onSubmit={async (body) => {
            const ok = await apply(() => assessmentApi.decide(deciding.id, body), t('common.saved'));
            if (ok) setDeciding(null);
          }}
        />
      ) : null}
      {manualOpen ? (
        <ManualEntryModal
          sheet={sheet}
          locale={locale}
          onClose={() => setManualOpen(false)}
          onSaved={(next) => {
            queryClient.setQueryData(['assessment', id], next);
            setManualOpen(false);
          }}
        />
      ) : null}
      {reviseOpen ? (
        <ReasonModal
          title={t('assessment.revise')}
          label={t('assessment.reviseReason')}
          onClose={() => setReviseOpen(false)}
          onSubmit={async (reason) => {
            const next = await apply(() => assessmentApi.revise(id, reason), t('common.saved'));
            if (next) {
              setReviseOpen(false);
              window.location.assign(`/assessment/sheets/${next.assessment.id}`);
            }
          }}
        />
      ) : null}
    </div>
  );
}

function AppealsTable({ sheet, onDecide }: { sheet: Sheet; onDecide(a: Appeal): void }) {
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
            render: (s: Appeal['status'], ap) => (
              <Space direction="vertical" size={0}>
                <Tag color={s === 'upheld' ? 'green' : s === 'rejected' ? 'red' : 'orange'}>
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

function DecideModal({
  appeal,
  onClose,
  onSubmit,
}: {
  appeal: Appeal;
  onClose(): void;
  onSubmit(body: { decision: 'upheld' | 'rejected'; newPoints?: number; reason: string }): Promise<void>;
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

const EVIDENCE_ENTITIES = ['repair_order', 'complaint', 'task', 'report', 'inspection', 'employee', 'note'];

function ManualEntryModal({
  sheet,
  locale,
  onClose,
  onSaved,
}: {
  sheet: Sheet;
  locale: string;
  onClose(): void;
  onSaved(next: Sheet): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const rules = sheet.scheme.items.flatMap((item) => item.rules.map((rule) => ({ item, rule })));
  return (
    <Modal
      open
      width={720}
      title={t('assessment.addManual')}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          const evidence = (values.evidence ?? [])
            .filter((e: { entity?: string; id?: string }) => e?.entity && e?.id)
            .map((e: { entity: string; id: string; label?: string }) => ({
              entity: e.entity,
              id: /^\d+$/.test(e.id) ? Number(e.id) : e.id,
              ...(e.label ? { label: e.label } : {}),
            }));
          const next = await assessmentApi.addManual(sheet.assessment.id, {
            ruleKey: values.ruleKey,
            quantity: values.quantity,
            ...(values.points !== undefined && values.points !== null ? { points: values.points } : {}),
            reason: values.reason,
            evidence,
          });
          message.success(t('common.saved'));
          onSaved(next);
        } catch (e) {
          showError(e, form);
        } finally {
          setSaving(false);
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
