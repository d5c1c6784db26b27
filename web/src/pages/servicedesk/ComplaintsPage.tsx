import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Statistic, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type ComplaintItem, sdApi, useComplaintCategories } from '../../api/servicedesk.ts';
import { useProjects } from '../../api/staff.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { useI18n } from '../../i18n.tsx';
import { OverdueTag, StatusTag, useBuildings } from './shared.tsx';

const STATUSES = ['received', 'handling', 'resolved', 'visited', 'closed', 'cancelled'];

/** 投诉率 of each visible project for the chosen period */
function RateCards({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const rate = useQuery({
    queryKey: ['complaint-rate', from, to],
    queryFn: () => sdApi.complaintRate({ from, to }),
  });
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

export function ComplaintsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const projects = useProjects();
  const categories = useComplaintCategories();
  const [filters, setFilters] = useState<Record<string, string | number | boolean | undefined>>({});
  const buildings = useBuildings((filters.projectId as number) ?? projects.data?.[0]?.id);
  const [period, setPeriod] = useState<[string, string]>([
    dayjs().startOf('month').format('YYYY-MM-DD'),
    dayjs().format('YYYY-MM-DD'),
  ]);
  const [creating, setCreating] = useState(false);
  const set = (k: string, v: unknown) => setFilters((f) => ({ ...f, [k]: v as never }));
  return (
    <div>
      <PageHeader
        title={t('servicedesk.complaints')}
        extra={
          me.data?.role !== 'owner' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('servicedesk.newComplaint')}
            </Button>
          ) : null
        }
      >
        <Space wrap>
          <DatePicker.RangePicker
            value={[dayjs(period[0]), dayjs(period[1])]}
            onChange={(r) => {
              const [a, b] = (r ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) setPeriod([a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')]);
              setFilters((f) => ({ ...f, from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') }));
            }}
          />
          <ProjectSelect
            allowClear
            placeholder={t('common.project')}
            style={{ width: 140 }}
            onChange={(v) => set('projectId', v)}
          />
          <Select
            allowClear
            placeholder={t('servicedesk.status')}
            style={{ width: 120 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`servicedesk.complaintStatuses.${s}`) }))}
            onChange={(v) => set('status', v)}
          />
          <Select
            allowClear
            placeholder={t('servicedesk.category')}
            style={{ width: 130 }}
            options={categories.data?.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(v) => set('categoryId', v)}
          />
          <Select
            allowClear
            placeholder={t('servicedesk.building')}
            style={{ width: 150 }}
            options={buildings.data}
            onChange={(v) => set('buildingId', v)}
          />
          <Space>
            <Switch size="small" onChange={(v) => set('overdue', v || undefined)} />
            {t('servicedesk.overdueOnly')}
          </Space>
          <Space>
            <Switch size="small" onChange={(v) => set('improper', v || undefined)} />
            {t('servicedesk.improper')}
          </Space>
        </Space>
      </PageHeader>
      <RateCards from={period[0]} to={period[1]} />
      <PagedTable<ComplaintItem>
        queryKey={['complaints', filters]}
        fetch={(p) => sdApi.complaints({ ...p, ...filters })}
        onRow={(row) => ({
          onClick: () => navigate(`/servicedesk/complaints/${row.id}`),
          style: { cursor: 'pointer' },
        })}
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
      {creating ? (
        <FormModal
          title={t('servicedesk.newComplaint')}
          initialValues={{ projectId: projects.data?.[0]?.id, channel: 'frontdesk' }}
          invalidate={[['complaints'], ['complaint-rate']]}
          onClose={() => setCreating(false)}
          onSubmit={(v: Record<string, unknown>) =>
            sdApi.createComplaint({ ...v, complainantPhone: v.complainantPhone || null })
          }
        >
          <Form.Item name="projectId" label={t('common.project')} rules={[{ required: true }]}>
            <ProjectSelect />
          </Form.Item>
          <Space.Compact block>
            <Form.Item
              name="complainantName"
              label={t('servicedesk.complainant')}
              rules={[{ required: true }]}
              style={{ width: '50%' }}
            >
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="complainantPhone" label={t('servicedesk.phone')} style={{ width: '50%' }}>
              <Input maxLength={11} />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item
              name="categoryId"
              label={t('servicedesk.category')}
              rules={[{ required: true }]}
              style={{ width: '50%' }}
            >
              <Select options={categories.data?.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <Form.Item name="channel" label={t('servicedesk.channel')} style={{ width: '50%' }}>
              <Select
                options={['frontdesk', 'phone'].map((c) => ({
                  value: c,
                  label: t(`servicedesk.channels.${c}`),
                }))}
              />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="content" label={t('servicedesk.content')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      ) : null}
    </div>
  );
}
