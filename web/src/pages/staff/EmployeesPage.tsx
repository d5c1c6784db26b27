import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, type FormInstance, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TEmployeeInput } from '../../../../server/modules/staff/staff.schemas.ts';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  EMPLOYEE_STATUSES,
  type Employee,
  type EmployeeQuery,
  GENDERS,
  staffApi,
  staffKeys,
  usePositions,
  useSaveEmployee,
  useTeams,
} from '../../api/staff.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { maskPhone } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { useI18n } from '../../i18n.tsx';

const STATUS_COLOR = { active: 'green', left: 'default', dismissed: 'red' } as const;

function EmployeeFields({ projectId }: { projectId?: number }) {
  const { t } = useI18n();
  const positions = usePositions();
  const teams = useTeams(projectId);
  return (
    <>
      <Form.Item name="projectId" label={t('common.project')} rules={[{ required: true }]}>
        <ProjectSelect />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="code" label={t('staff.code')} rules={[{ required: true }]} style={{ width: '50%' }}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true }]} style={{ width: '50%' }}>
          <Input maxLength={50} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="gender" label={t('staff.gender')}>
        <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`staff.genders.${g}`) }))} />
      </Form.Item>
      <Form.Item name="phone" label={t('staff.phone')}>
        <Input maxLength={11} />
      </Form.Item>
      <Form.Item name="positionId" label={t('staff.position')}>
        <Select allowClear options={positions.data?.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="teamId" label={t('staff.team')}>
        <Select allowClear options={teams.data?.map((tm) => ({ value: tm.id, label: tm.name }))} />
      </Form.Item>
      <Form.Item name="hiredOn" label={t('staff.hiredOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="leftOn" label={t('staff.leftOn')} tooltip={t('staff.leftOnNote')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="status" label={t('common.status')}>
        <Select
          options={EMPLOYEE_STATUSES.map((s) => ({
            value: s,
            label: t(`staff.statuses.${s}`),
          }))}
        />
      </Form.Item>
    </>
  );
}

function EmployeeForm({ employee, onClose }: { employee: Employee | null; onClose(): void }) {
  const { t } = useI18n();
  const projects = useProjects();
  const save = useSaveEmployee();
  return (
    <FormModal
      title={employee ? t('staff.editEmployee') : t('staff.newEmployee')}
      initialValues={
        employee
          ? {
              ...employee,
              hiredOn: employee.hiredOn ? dayjs(employee.hiredOn) : undefined,
              leftOn: employee.leftOn ? dayjs(employee.leftOn) : undefined,
            }
          : { projectId: projects.data?.[0]?.id, status: 'active' }
      }
      toValues={(current: Employee) => ({
        ...current,
        hiredOn: current.hiredOn ? dayjs(current.hiredOn) : undefined,
        leftOn: current.leftOn ? dayjs(current.leftOn) : undefined,
      })}
      onClose={onClose}
      onSubmit={(
        values: Omit<TEmployeeInput, 'hiredOn' | 'leftOn'> & { hiredOn?: dayjs.Dayjs; leftOn?: dayjs.Dayjs },
      ) =>
        save.mutateAsync({
          id: employee?.id ?? null,
          body: {
            ...values,
            phone: values.phone || null,
            hiredOn: values.hiredOn ? values.hiredOn.format('YYYY-MM-DD') : null,
            leftOn: values.leftOn ? values.leftOn.format('YYYY-MM-DD') : null,
          },
        })
      }
    >
      {(form) => <WatchedFields form={form} />}
    </FormModal>
  );
}

/** Teams depend on the chosen project. */
function WatchedFields({ form }: { form: FormInstance }) {
  const projectId = Form.useWatch('projectId', form);
  return <EmployeeFields projectId={projectId} />;
}

export function EmployeesPage() {
  const { t } = useI18n();
  const positions = usePositions();
  const [filters, setFilters] = useState<EmployeeQuery>({});
  const [editing, setEditing] = useState<Employee | null | undefined>(undefined);
  const { canEditEmployees: canEdit } = useAccess();

  return (
    <div>
      <PageHeader
        title={t('staff.employees')}
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('staff.newEmployee')}
            </Button>
          ) : null
        }
      >
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('staff.searchPlaceholder')}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))}
            style={{ width: 240 }}
          />
          <ProjectSelect
            allowClear
            placeholder={t('common.project')}
            style={{ width: 160 }}
            onChange={(projectId) => setFilters((f) => ({ ...f, projectId }))}
          />
          <Select
            allowClear
            placeholder={t('staff.position')}
            style={{ width: 160 }}
            options={positions.data?.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(positionId) => setFilters((f) => ({ ...f, positionId }))}
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 120 }}
            options={EMPLOYEE_STATUSES.map((s) => ({
              value: s,
              label: t(`staff.statuses.${s}`),
            }))}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
          />
        </Space>
      </PageHeader>
      <PagedTable<Employee>
        queryKey={staffKeys.employees(filters)}
        fetch={(p) => staffApi.employees({ ...p, ...filters })}
        columns={[
          { title: t('staff.code'), dataIndex: 'code', sorter: true, width: 100 },
          { title: t('staff.name'), dataIndex: 'name', sorter: true },
          { title: t('common.project'), dataIndex: 'projectName' },
          { title: t('staff.position'), dataIndex: 'positionName', render: (v) => v ?? '—' },
          { title: t('staff.team'), dataIndex: 'teamName', render: (v) => v ?? '—' },
          { title: t('staff.phone'), dataIndex: 'phone', render: (v) => maskPhone(v) },
          { title: t('staff.hiredOn'), dataIndex: 'hiredOn', sorter: true, render: (v) => v ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Employee['status']) => <Tag color={STATUS_COLOR[s]}>{t(`staff.statuses.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row) => (
              <Space>
                {canEdit ? (
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('common.edit')}
                  </Button>
                ) : null}
                <AuditHistoryButton entity="employee" id={row.id} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined ? (
        <EmployeeForm employee={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </div>
  );
}
