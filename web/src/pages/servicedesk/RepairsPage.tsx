import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type RepairItem, sdApi, useRepairCategories } from '../../api/servicedesk.ts';
import { useProjects } from '../../api/staff.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { useI18n } from '../../i18n.tsx';
import { OverdueTag, StatusTag, useBuildings, useProjectEmployees } from './shared.tsx';

const STATUSES = [
  'submitted',
  'dispatched',
  'in_progress',
  'completed',
  'visited',
  'closed',
  'cancelled',
  'reopened',
];

function NewRepair({ onClose }: { onClose(id?: number): void }) {
  const { t } = useI18n();
  const projects = useProjects();
  const categories = useRepairCategories();
  return (
    <FormModal
      title={t('servicedesk.newRepair')}
      initialValues={{ projectId: projects.data?.[0]?.id, priority: 'normal', channel: 'frontdesk' }}
      invalidate={[['repairs']]}
      onClose={() => onClose()}
      onSubmit={async (v: Record<string, unknown>) => {
        const r = await sdApi.createRepair({ ...v, reporterPhone: v.reporterPhone || null });
        onClose(r.id);
      }}
    >
      <Form.Item name="projectId" label={t('common.project')} rules={[{ required: true }]}>
        <ProjectSelect />
      </Form.Item>
      <Form.Item name="location" label={t('servicedesk.location')} rules={[{ required: true }]}>
        <Input maxLength={100} placeholder="3栋2单元501" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="reporterName"
          label={t('servicedesk.reporter')}
          rules={[{ required: true }]}
          style={{ width: '50%' }}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="reporterPhone" label={t('servicedesk.phone')} style={{ width: '50%' }}>
          <Input maxLength={11} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item
          name="categoryId"
          label={t('servicedesk.category')}
          rules={[{ required: true }]}
          style={{ width: '40%' }}
        >
          <Select
            options={categories.data?.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('servicedesk.priority')} style={{ width: '30%' }}>
          <Select
            options={['low', 'normal', 'high', 'urgent'].map((p) => ({
              value: p,
              label: t(`servicedesk.priorities.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('servicedesk.channel')} style={{ width: '30%' }}>
          <Select
            options={['phone', 'frontdesk', 'patrol'].map((c) => ({
              value: c,
              label: t(`servicedesk.channels.${c}`),
            }))}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="description" label={t('servicedesk.description')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

export function RepairsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const projects = useProjects();
  const categories = useRepairCategories();
  const [filters, setFilters] = useState<Record<string, string | number | boolean | undefined>>({});
  const buildings = useBuildings((filters.projectId as number) ?? projects.data?.[0]?.id);
  const employees = useProjectEmployees((filters.projectId as number) ?? projects.data?.[0]?.id);
  const [creating, setCreating] = useState(false);
  const canCreate = ['admin', 'manager', 'supervisor', 'officer', 'frontdesk'].includes(me.data?.role ?? '');
  const set = (k: string, v: unknown) => setFilters((f) => ({ ...f, [k]: v as never }));
  return (
    <div>
      <PageHeader
        title={t('servicedesk.repairs')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={sdApi.repairExportHref(filters)}>
              {t('servicedesk.export')}
            </Button>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('servicedesk.newRepair')}
              </Button>
            ) : null}
          </>
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
            style={{ width: 120 }}
            data-testid="filter-status"
            options={STATUSES.map((s) => ({ value: s, label: t(`servicedesk.statuses.${s}`) }))}
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
          <Select
            allowClear
            placeholder={t('servicedesk.assignee')}
            style={{ width: 120 }}
            options={employees.data?.items.map((e) => ({ value: e.id, label: e.name }))}
            onChange={(v) => set('assigneeEmployeeId', v)}
          />
          <DatePicker.RangePicker
            onChange={(r) => {
              const [a, b] = (r ?? []) as [Dayjs | null, Dayjs | null];
              setFilters((f) => ({ ...f, from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') }));
            }}
          />
          <Space>
            <Switch size="small" onChange={(v) => set('overdue', v || undefined)} />
            {t('servicedesk.overdueOnly')}
          </Space>
          <Input.Search
            allowClear
            placeholder={t('servicedesk.location')}
            style={{ width: 160 }}
            onSearch={(q) => set('q', q || undefined)}
          />
        </Space>
      </PageHeader>
      <PagedTable<RepairItem>
        queryKey={['repairs', filters]}
        fetch={(p) => sdApi.repairs({ ...p, ...filters })}
        onRow={(row) => ({
          onClick: () => navigate(`/servicedesk/repairs/${row.id}`),
          style: { cursor: 'pointer' },
        })}
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
      {creating ? (
        <NewRepair
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/servicedesk/repairs/${id}`);
          }}
        />
      ) : null}
    </div>
  );
}
