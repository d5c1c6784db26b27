import { Card, Space, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  COMPLAINT_STAFF_CHANNELS,
  COMPLAINT_STATUSES,
} from '../../../../server/modules/complaint/complaint.constants.ts';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  type ComplaintQuery,
  complaintKeys,
  sdApi,
  type TComplaintInput,
  type TComplaintListItem,
  useComplaintCategories,
  useComplaintRate,
  useCreateComplaint,
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

/** 投诉率 of each visible project for the chosen period */
function RateCards({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const rate = useComplaintRate({ from, to });
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {rate.data?.map((r) => (
        <Card key={r.projectId} size="small" style={{ minWidth: 220 }} data-testid="complaint-rate">
          <Statistic
            title={`${r.projectName} ${t('servicedesk.rate')}`}
            value={r.ratePercent ?? '—'}
            suffix={r.ratePercent === null ? '' : '%'}
            valueStyle={{ color: (r.ratePercent ?? 0) >= 2 ? '#cf1322' : '#3f8600' }}
          />
          <div style={{ color: '#888', fontSize: 12 }}>
            {r.complaints} ÷ {r.households} {t('servicedesk.households')} · {t('servicedesk.rateHint')}
          </div>
        </Card>
      ))}
    </Space>
  );
}

function complaintFilters(
  t: T,
  categoryOptions: Option[] | undefined,
  month: [string, string],
): FilterDecl[] {
  return [
    { kind: 'dateRange', shown: month },
    { kind: 'project', key: 'projectId', placeholder: t('common.project') },
    {
      kind: 'select',
      key: 'status',
      placeholder: t('servicedesk.status'),
      options: COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`servicedesk.complaintStatuses.${s}`) })),
    },
    ...categoryAndBuildingFilters(t, categoryOptions),
    { kind: 'switch', key: 'overdue', label: t('servicedesk.overdueOnly') },
    { kind: 'switch', key: 'improper', label: t('servicedesk.improper') },
  ];
}

function complaintFields(t: T, categoryOptions: Option[] | undefined): FieldRow[] {
  return [
    projectField(t),
    personFields('complainantName', t('servicedesk.complainant'), 'complainantPhone', t),
    [
      {
        kind: 'select',
        name: 'categoryId',
        label: t('servicedesk.category'),
        required: true,
        width: '50%',
        options: categoryOptions,
      },
      {
        kind: 'select',
        name: 'channel',
        label: t('servicedesk.channel'),
        width: '50%',
        options: COMPLAINT_STAFF_CHANNELS.map((c) => ({ value: c, label: t(`servicedesk.channels.${c}`) })),
      },
    ],
    {
      kind: 'textarea',
      name: 'content',
      label: t('servicedesk.content'),
      required: true,
      min: 2,
      maxLength: 2000,
    },
  ];
}

/** 投诉处理: complaints, with each project's complaint rate for the period */
export function ComplaintsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const projects = useProjects();
  const categories = useComplaintCategories();
  const create = useCreateComplaint();
  const categoryOptions = categories.data?.map((c) => ({ value: c.id, label: c.name }));
  // the rate cards show this month until a period is chosen; the list stays unfiltered meanwhile
  const month: [string, string] = [
    dayjs().startOf('month').format('YYYY-MM-DD'),
    dayjs().format('YYYY-MM-DD'),
  ];
  const filters = complaintFilters(t, categoryOptions, month);
  const fields = complaintFields(t, categoryOptions);
  return (
    <ListPage<TComplaintListItem, unknown, ComplaintQuery>
      title={t('servicedesk.complaints')}
      filters={filters}
      queryKey={(f) => complaintKeys.list(f)}
      fetch={(f, page) => sdApi.complaints({ ...page, ...f })}
      rowLink={(r) => `/servicedesk/complaints/${r.id}`}
      summary={(f) => <RateCards from={f.from ?? month[0]} to={f.to ?? month[1]} />}
      create={{
        label: t('servicedesk.newComplaint'),
        allowed: access.canCreateComplaint,
        initialValues: { projectId: projects.data?.[0]?.id, channel: 'frontdesk' },
        fields,
        submit: (v) =>
          create.mutateAsync({ ...v, complainantPhone: v.complainantPhone || null } as TComplaintInput),
      }}
      columns={[
        { title: t('servicedesk.code'), dataIndex: 'code', width: 100 },
        {
          title: t('servicedesk.receivedAt'),
          dataIndex: 'createdAt',
          sorter: true,
          render: formatDateTime,
          width: 150,
        },
        { title: t('servicedesk.complainant'), dataIndex: 'complainantName', width: 100 },
        { title: t('servicedesk.category'), dataIndex: 'categoryName', width: 100 },
        { title: t('servicedesk.content'), dataIndex: 'content', ellipsis: true },
        { title: t('servicedesk.handler'), dataIndex: 'handlerName', render: (v) => v ?? '—', width: 90 },
        {
          title: t('servicedesk.responseDue'),
          dataIndex: 'responseDueAt',
          sorter: true,
          render: formatDateTime,
          width: 150,
        },
        {
          title: t('servicedesk.status'),
          dataIndex: 'status',
          width: 180,
          render: (s: string, row) => (
            <Space size={4}>
              <StatusTag status={s} group="complaintStatuses" />
              <OverdueTag overdue={row.overdue} />
              {row.improper ? <Tag color="magenta">{t('servicedesk.improper')}</Tag> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
