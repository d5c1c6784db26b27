import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TProjectInput } from '../../../../server/modules/project/project.schemas.ts';
import { PROJECT_STATUSES, type Project, useProjects, useSaveProject } from '../../api/project.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

export function ProjectsPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const save = useSaveProject();
  const [editing, setEditing] = useState<Project | null | undefined>(undefined);
  return (
    <div>
      <PageHeader
        title={t('admin.projectList')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('admin.newProject')}
          </Button>
        }
      />
      <Table<Project>
        rowKey="id"
        {...tableState(projects)}
        pagination={false}
        columns={[
          { title: t('admin.projectCode'), dataIndex: 'code' },
          { title: t('admin.projectName'), dataIndex: 'name' },
          { title: t('admin.address'), dataIndex: 'address' },
          { title: t('admin.phone'), dataIndex: 'phone' },
          { title: t('admin.startedOn'), dataIndex: 'startedOn', render: (v) => v ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`admin.statuses.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                <AuditHistoryButton entity="project" id={row.id} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined ? (
        <FormModal
          title={editing ? t('common.edit') : t('admin.newProject')}
          initialValues={
            editing
              ? { ...editing, startedOn: editing.startedOn ? dayjs(editing.startedOn) : undefined }
              : { status: 'active' }
          }
          onClose={() => setEditing(undefined)}
          onSubmit={(values: Omit<TProjectInput, 'startedOn'> & { startedOn?: dayjs.Dayjs }) =>
            save.mutateAsync({
              id: editing?.id ?? null,
              body: {
                ...values,
                address: values.address || null,
                phone: values.phone || null,
                startedOn: values.startedOn ? values.startedOn.format('YYYY-MM-DD') : undefined,
              },
            })
          }
        >
          <Form.Item name="code" label={t('admin.projectCode')} rules={[{ required: true }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="name" label={t('admin.projectName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t('admin.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('admin.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="startedOn" label={t('admin.startedOn')} tooltip={t('admin.startedOnNote')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="status" label={t('common.status')}>
            <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`admin.statuses.${s}`) }))} />
          </Form.Item>
        </FormModal>
      ) : null}
    </div>
  );
}
