import { Card, Progress, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { DUE_UNITS } from '../../../../server/modules/calendar/calendar.constants.ts';
import { TASK_STATUSES } from '../../../../server/modules/task/task.constants.ts';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  sdApi,
  type TaskQuery,
  type TTask,
  type TTaskCategories,
  type TTaskInput,
  taskKeys,
  useCreateTask,
  useTaskCategories,
  useTaskCompletion,
} from '../../api/servicedesk.ts';
import { formatDateTime } from '../../components/format.ts';
import { type FieldRow, type FilterDecl, ListPage } from '../../components/list/index.ts';
import { useI18n } from '../../i18n.tsx';
import { useTaskActions } from './recordActions.tsx';
import { OverdueTag, projectField, StatusTag, type T } from './shared.tsx';

/** 各类任务完成率 of a project for the period */
function Completion({ projectId, from, to }: { projectId?: number; from: string; to: string }) {
  const { t } = useI18n();
  const q = useTaskCompletion({ projectId, from, to });
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

/** a code → label map as choices */
const labels = (m: Record<string, string> = {}) =>
  Object.entries(m).map(([value, label]) => ({ value, label }));

type NewTaskValues = Omit<TTaskInput, 'dueAt' | 'dueIn'> & { dueAt?: Dayjs; amount?: number; unit?: string };

function taskFilters(t: T, cats: TTaskCategories | undefined, month: [string, string]): FilterDecl[] {
  return [
    { kind: 'project', key: 'projectId', placeholder: t('common.project') },
    {
      kind: 'select',
      key: 'status',
      width: 110,
      placeholder: t('servicedesk.status'),
      options: TASK_STATUSES.map((s) => ({ value: s, label: t(`servicedesk.taskStatuses.${s}`) })),
    },
    {
      kind: 'select',
      key: 'category',
      placeholder: t('servicedesk.category'),
      options: labels(cats?.categories),
    },
    { kind: 'dateRange', shown: month },
    { kind: 'switch', key: 'overdue', label: t('servicedesk.overdueOnly') },
    { kind: 'switch', key: 'mine', label: t('servicedesk.mine') },
  ];
}

function taskFields(t: T, cats: TTaskCategories | undefined): FieldRow[] {
  return [
    projectField(t),
    { kind: 'text', name: 'title', label: t('servicedesk.title'), required: true, min: 2, maxLength: 100 },
    [
      {
        kind: 'select',
        name: 'category',
        label: t('servicedesk.category'),
        required: true,
        width: '50%',
        options: labels(cats?.categories),
      },
      {
        kind: 'select',
        name: 'source',
        label: t('servicedesk.source'),
        width: '50%',
        options: labels(cats?.sources),
      },
    ],
    {
      kind: 'employee',
      name: 'assigneeEmployeeId',
      label: t('servicedesk.assignee'),
      required: true,
      projectField: 'projectId',
    },
    [
      {
        kind: 'number',
        name: 'amount',
        label: t('servicedesk.dueIn'),
        width: '30%',
        minValue: 0.5,
        maxValue: 1000,
      },
      {
        kind: 'select',
        name: 'unit',
        label: ' ',
        width: '30%',
        options: DUE_UNITS.map((u) => ({ value: u, label: t(`servicedesk.units.${u}`) })),
      },
      { kind: 'datetime', name: 'dueAt', label: t('servicedesk.due'), width: '40%' },
    ],
  ];
}

/** the form's due time: an exact time if one is chosen, else the limit from now */
function toTaskInput(v: NewTaskValues): TTaskInput {
  return {
    projectId: v.projectId,
    title: v.title,
    category: v.category,
    source: v.source,
    assigneeEmployeeId: v.assigneeEmployeeId,
    ...(v.dueAt
      ? { dueAt: v.dueAt.toISOString() }
      : { dueIn: { amount: v.amount, unit: v.unit } as TTaskInput['dueIn'] }),
  };
}

function taskColumns(t: T, cats: TTaskCategories | undefined): ColumnsType<TTask> {
  return [
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
      render: (c: string) => cats?.categories[c] ?? c,
      width: 100,
    },
    {
      title: t('servicedesk.source'),
      dataIndex: 'source',
      render: (c: string) => cats?.sources[c] ?? c,
      width: 90,
    },
    { title: t('servicedesk.assignee'), dataIndex: 'assigneeName', width: 90 },
    { title: t('servicedesk.due'), dataIndex: 'dueAt', sorter: true, render: formatDateTime, width: 150 },
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
  ];
}

/** 工作任务: tasks handed out, with the completion rate of each category */
export function TasksPage() {
  const { t } = useI18n();
  const access = useAccess();
  const projects = useProjects();
  const cats = useTaskCategories();
  const create = useCreateTask();
  const actions = useTaskActions();
  const month: [string, string] = [
    dayjs().startOf('month').format('YYYY-MM-DD'),
    dayjs().endOf('month').format('YYYY-MM-DD'),
  ];
  const filters = taskFilters(t, cats.data, month);
  const fields = taskFields(t, cats.data);
  const submit = (values: Record<string, unknown>) =>
    create.mutateAsync(toTaskInput(values as NewTaskValues));
  return (
    <ListPage<TTask, TTask, TaskQuery>
      title={t('servicedesk.tasks')}
      filters={filters}
      queryKey={(f) => taskKeys.list(f)}
      fetch={(f, page) => sdApi.tasks({ ...page, ...f })}
      summary={(f) => (
        <Completion
          projectId={f.projectId ?? projects.data?.[0]?.id}
          from={f.from ?? month[0]}
          to={f.to ?? month[1]}
        />
      )}
      create={{
        label: t('servicedesk.newTask'),
        allowed: access.canCreateTask,
        initialValues: {
          projectId: projects.data?.[0]?.id,
          source: 'manager',
          amount: 1,
          unit: 'working_days',
        },
        fields,
        submit,
      }}
      rowActions={{ actions, allowed: (r) => r.actions }}
      table={{ expandable: { expandedRowRender: (r) => r.result ?? '—', rowExpandable: (r) => !!r.result } }}
      columns={taskColumns(t, cats.data)}
    />
  );
}
