import { Space } from 'antd';
import { useNavigate } from 'react-router';
import {
  REPAIR_PRIORITIES,
  REPAIR_STAFF_CHANNELS,
  REPAIR_STATUSES,
} from '../../../../server/modules/repair/repair.constants.ts';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  type RepairQuery,
  repairKeys,
  sdApi,
  type TRepairCategory,
  type TRepairDetail,
  type TRepairInput,
  type TRepairListItem,
  useCreateRepair,
  useRepairCategories,
} from '../../api/servicedesk.ts';
import { formatDateTime } from '../../components/format.ts';
import { type FieldRow, type FilterDecl, ListPage, type Option } from '../../components/list/index.ts';
import { useI18n } from '../../i18n.tsx';
import {
  categoryAndBuildingFilters,
  OverdueTag,
  personFields,
  projectField,
  StatusTag,
  type T,
} from './shared.tsx';

function repairFilters(t: T, categoryOptions: Option[] | undefined): FilterDecl[] {
  return [
    { kind: 'project', key: 'projectId', placeholder: t('common.project') },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('servicedesk.status'),
      testId: 'filter-status',
      options: REPAIR_STATUSES.map((s) => ({ value: s, label: t(`servicedesk.statuses.${s}`) })),
    },
    ...categoryAndBuildingFilters(t, categoryOptions),
    { kind: 'employee', key: 'assigneeEmployeeId', placeholder: t('servicedesk.assignee') },
    { kind: 'dateRange' },
    { kind: 'switch', key: 'overdue', label: t('servicedesk.overdueOnly') },
    { kind: 'search', key: 'q', placeholder: t('servicedesk.location') },
  ];
}

function repairFields(t: T, categories: TRepairCategory[] | undefined): FieldRow[] {
  return [
    projectField(t),
    {
      kind: 'text',
      name: 'location',
      label: t('servicedesk.location'),
      required: true,
      maxLength: 100,
      placeholder: '3栋2单元501',
    },
    personFields('reporterName', t('servicedesk.reporter'), 'reporterPhone', t),
    [
      {
        kind: 'select',
        name: 'categoryId',
        label: t('servicedesk.category'),
        required: true,
        width: '40%',
        options: categories?.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name })),
      },
      {
        kind: 'select',
        name: 'priority',
        label: t('servicedesk.priority'),
        width: '30%',
        options: REPAIR_PRIORITIES.map((p) => ({ value: p, label: t(`servicedesk.priorities.${p}`) })),
      },
      {
        kind: 'select',
        name: 'channel',
        label: t('servicedesk.channel'),
        width: '30%',
        options: REPAIR_STAFF_CHANNELS.map((c) => ({ value: c, label: t(`servicedesk.channels.${c}`) })),
      },
    ],
    {
      kind: 'textarea',
      name: 'description',
      label: t('servicedesk.description'),
      required: true,
      min: 2,
      maxLength: 1000,
    },
  ];
}

/** 业主报修: the repair orders, filtered, exported, registered at the desk */
export function RepairsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const access = useAccess();
  const projects = useProjects();
  const categories = useRepairCategories();
  const create = useCreateRepair();
  const categoryOptions = categories.data?.map((c) => ({ value: c.id, label: c.name }));
  const filters = repairFilters(t, categoryOptions);
  const fields = repairFields(t, categories.data);
  return (
    <ListPage<TRepairListItem, TRepairDetail, RepairQuery>
      title={t('servicedesk.repairs')}
      filters={filters}
      queryKey={(f) => repairKeys.list(f)}
      fetch={(f, page) => sdApi.repairs({ ...page, ...f })}
      rowLink={(r) => `/servicedesk/repairs/${r.id}`}
      exportHref={(f) => sdApi.repairExportHref(f)}
      create={{
        label: t('servicedesk.newRepair'),
        allowed: access.canCreateRepair,
        initialValues: { projectId: projects.data?.[0]?.id, priority: 'normal', channel: 'frontdesk' },
        fields,
        submit: (v) => create.mutateAsync({ ...v, reporterPhone: v.reporterPhone || null } as TRepairInput),
        done: (r) => navigate(`/servicedesk/repairs/${r.id}`),
      }}
      columns={[
        { title: t('servicedesk.code'), dataIndex: 'code', width: 100 },
        {
          title: t('servicedesk.createdAt'),
          dataIndex: 'createdAt',
          sorter: true,
          render: formatDateTime,
          width: 150,
        },
        { title: t('servicedesk.location'), dataIndex: 'location' },
        { title: t('servicedesk.category'), dataIndex: 'categoryName', width: 100 },
        { title: t('servicedesk.reporter'), dataIndex: 'reporterName', width: 90 },
        { title: t('servicedesk.assignee'), dataIndex: 'assigneeName', render: (v) => v ?? '—', width: 90 },
        {
          title: t('servicedesk.completeDue'),
          dataIndex: 'completeDueAt',
          sorter: true,
          render: formatDateTime,
          width: 150,
        },
        {
          title: t('servicedesk.status'),
          dataIndex: 'status',
          width: 140,
          render: (s: string, row) => (
            <Space size={4}>
              <StatusTag status={s} />
              <OverdueTag overdue={row.overdue} />
            </Space>
          ),
        },
      ]}
    />
  );
}
