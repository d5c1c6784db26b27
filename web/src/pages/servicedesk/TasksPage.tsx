import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { sdApi, type Task, useTaskCategories } from '../../api/servicedesk.ts';
import { useProjects } from '../../api/staff.ts';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { useI18n } from '../../i18n.tsx';
import { OverdueTag, StatusTag, useProjectEmployees } from './shared.tsx';

function Completion({ projectId, from, to }: { projectId?: number; from: string; to: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['task-completion', projectId, from, to],
    queryFn: () => sdApi.taskCompletion({ projectId, from, to }),
    enabled: !!projectId,
  });
  return (
    <Card
      size="small"
      title={`${t('servicedesk.completion')}（${from} ~ ${to}）`}
      style={{ marginBottom: 12 }}
    >
      <Space wrap size={24}>
        {q.data?.map((c) => (
          <div key={c.category} style={{ width: 150 }}>
            <div>{c.label}</div>
            <Progress
              percent={c.ratePercent}
              size="small"
              status={c.ratePercent < 95 ? 'exception' : 'success'}
              format={(p) => `${p}%`}
            />
            <div style={{ color: '#888', fontSize: 12 }}>
              {t('servicedesk.onTime')} {c.onTime} / {c.due}
            </div>
          </div>
        ))}
      </Space>
    </Card>
  );
}

function NewTask({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const projects = useProjects();
  const cats = useTaskCategories();
  const [projectId, setProjectId] = useState(projects.data?.[0]?.id);
  const employees = useProjectEmployees(projectId);
  return (
    <FormModal
      title={t('servicedesk.newTask')}
      initialValues={{ projectId, source: 'manager', amount: 1, unit: 'working_days' }}
      invalidate={[['tasks'], ['task-completion']]}
      onClose={onClose}
      onSubmit={(v: Record<string, unknown> & { dueAt?: Dayjs; amount?: number; unit?: string }) =>
        sdApi.createTask({
          projectId: v.projectId,
          title: v.title,
          category: v.category,
          source: v.source,
          assigneeEmployeeId: v.assigneeEmployeeId,
          ...(v.dueAt ? { dueAt: v.dueAt.toISOString() } : { dueIn: { amount: v.amount, unit: v.unit } }),
        })
      }
    >
      <Form.Item name="projectId" label={t('common.project')} rules={[{ required: true }]}>
        <ProjectSelect onChange={setProjectId} />
      </Form.Item>
      <Form.Item name="title" label={t('servicedesk.title')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="category"
          label={t('servicedesk.category')}
          rules={[{ required: true }]}
          style={{ width: '50%' }}
        >
          <Select
            options={Object.entries(cats.data?.categories ?? {}).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="source" label={t('servicedesk.source')} style={{ width: '50%' }}>
          <Select
            options={Object.entries(cats.data?.sources ?? {}).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="assigneeEmployeeId" label={t('servicedesk.assignee')} rules={[{ required: true }]}>
        <Select options={employees.data?.items.map((e) => ({ value: e.id, label: e.name }))} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="amount" label={t('servicedesk.dueIn')} style={{ width: '30%' }}>
          <InputNumber min={0.5} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label=" " style={{ width: '30%' }}>
          <Select
            options={['working_hours', 'working_days', 'hours', 'days'].map((u) => ({
              value: u,
              label: t(`servicedesk.units.${u}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="dueAt" label={t('servicedesk.due')} style={{ width: '40%' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
    </FormModal>
  );
}

export function TasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const projects = useProjects();
  const cats = useTaskCategories();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Record<string, string | number | boolean | undefined>>({});
  const [creating, setCreating] = useState(false);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [period, setPeriod] = useState<[string, string]>([
    dayjs().startOf('month').format('YYYY-MM-DD'),
    dayjs().endOf('month').format('YYYY-MM-DD'),
  ]);
  const set = (k: string, v: unknown) => setFilters((f) => ({ ...f, [k]: v as never }));
  const canCreate = ['admin', 'manager', 'supervisor'].includes(me.data?.role ?? '');
  const act = async (task: Task, action: string, body: unknown = {}) => {
    try {
      await sdApi.taskAction(task.id, action, body);
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['task-completion'] });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div>
      <PageHeader
        title={t('servicedesk.tasks')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('servicedesk.newTask')}
            </Button>
          ) : null
        }
      >
        <Space wrap>
          <ProjectSelect
            allowClear
            placeholder={t('common.project')}
            style={{ width: 140 }}
            onChange={(v) => set('projectId', v)}
          />
          <Select
            allowClear
            placeholder={t('servicedesk.status')}
            style={{ width: 110 }}
            options={['open', 'in_progress', 'done', 'cancelled'].map((s) => ({
              value: s,
              label: t(`servicedesk.taskStatuses.${s}`),
            }))}
            onChange={(v) => set('status', v)}
          />
          <Select
            allowClear
            placeholder={t('servicedesk.category')}
            style={{ width: 120 }}
            options={Object.entries(cats.data?.categories ?? {}).map(([value, label]) => ({ value, label }))}
            onChange={(v) => set('category', v)}
          />
          <DatePicker.RangePicker
            value={[dayjs(period[0]), dayjs(period[1])]}
            onChange={(r) => {
              const [a, b] = (r ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) setPeriod([a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')]);
              setFilters((f) => ({ ...f, from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') }));
            }}
          />
          <Space>
            <Switch size="small" onChange={(v) => set('overdue', v || undefined)} />
            {t('servicedesk.overdueOnly')}
          </Space>
          <Space>
            <Switch size="small" onChange={(v) => set('mine', v || undefined)} />
            {t('servicedesk.mine')}
          </Space>
        </Space>
      </PageHeader>
      <Completion
        projectId={(filters.projectId as number) ?? projects.data?.[0]?.id}
        from={period[0]}
        to={period[1]}
      />
      <PagedTable<Task>
        queryKey={['tasks', filters]}
        fetch={(p) => sdApi.tasks({ ...p, ...filters })}
        columns={[
          {
            title: t('servicedesk.code'),
            dataIndex: 'code',
            width: 100,
            render: (code: string, row) => <Link to={`/servicedesk/tasks/${row.id}`}>{code}</Link>,
          },
          { title: t('servicedesk.title'), dataIndex: 'title' },
          {
            title: t('servicedesk.category'),
            dataIndex: 'category',
            render: (c: string) => cats.data?.categories[c] ?? c,
            width: 100,
          },
          {
            title: t('servicedesk.source'),
            dataIndex: 'source',
            render: (c: string) => cats.data?.sources[c] ?? c,
            width: 90,
          },
          { title: t('servicedesk.assignee'), dataIndex: 'assigneeName', width: 90 },
          {
            title: t('servicedesk.due'),
            dataIndex: 'dueAt',
            sorter: true,
            render: formatDateTime,
            width: 150,
          },
          {
            title: t('servicedesk.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: string, r) => (
              <Space size={4}>
                <StatusTag status={s} group="taskStatuses" />
                <OverdueTag overdue={r.overdue} />
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                {r.actions.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    onClick={() => (a === 'complete' ? setCompleting(r) : act(r, a))}
                  >
                    {t(`servicedesk.taskActions.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
        expandable={{ expandedRowRender: (r) => r.result ?? '—', rowExpandable: (r) => !!r.result }}
      />
      {creating ? <NewTask onClose={() => setCreating(false)} /> : null}
      {completing ? (
        <CompleteModal
          task={completing}
          onClose={() => setCompleting(null)}
          onDone={(result) => act(completing, 'complete', { result }).then(() => setCompleting(null))}
        />
      ) : null}
    </div>
  );
}

function CompleteModal({
  task,
  onClose,
  onDone,
}: {
  task: Task;
  onClose(): void;
  onDone(result: string): void;
}) {
  const { t } = useI18n();
  const [result, setResult] = useState('');
  return (
    <Modal
      open
      title={`${t('servicedesk.taskActions.complete')} · ${task.title}`}
      onCancel={onClose}
      onOk={() => onDone(result)}
      okButtonProps={{ disabled: !result }}
    >
      <Input.TextArea
        rows={3}
        maxLength={1000}
        value={result}
        onChange={(e) => setResult(e.target.value)}
        placeholder={t('servicedesk.result')}
      />
    </Modal>
  );
}
