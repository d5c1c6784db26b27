import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import type { TUserCreate, TUserUpdate } from '../../../../server/modules/user/user.schemas.ts';
import { useProjects } from '../../api/project.ts';
import {
  ROLES,
  type User,
  type UserQuery,
  useCreateUser,
  useResetPassword,
  userApi,
  userKeys,
  useUpdateUser,
} from '../../api/user.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { useI18n } from '../../i18n.tsx';

export function UsersPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [filters, setFilters] = useState<UserQuery>({});
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);
  const projectName = (id: number) => projects.data?.find((p) => p.id === id)?.name ?? id;

  return (
    <div>
      <PageHeader
        title={t('admin.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('admin.newUser')}
          </Button>
        }
      >
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('admin.username')}
            style={{ width: 200 }}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined }))}
          />
          <Select
            allowClear
            placeholder={t('admin.role')}
            style={{ width: 140 }}
            options={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
            onChange={(role) => setFilters((f) => ({ ...f, role }))}
          />
          <ProjectSelect
            allowClear
            placeholder={t('common.project')}
            style={{ width: 160 }}
            onChange={(projectId) => setFilters((f) => ({ ...f, projectId }))}
          />
        </Space>
      </PageHeader>
      <PagedTable<User>
        queryKey={userKeys.list(filters)}
        fetch={(p) => userApi.list({ ...p, ...filters })}
        columns={[
          { title: t('admin.username'), dataIndex: 'username', sorter: true },
          { title: t('admin.displayName'), dataIndex: 'displayName', sorter: true },
          { title: t('admin.role'), dataIndex: 'role', sorter: true, render: (r) => t(`common.roles.${r}`) },
          {
            title: t('admin.projects'),
            dataIndex: 'projectIds',
            render: (ids: number[]) => ids.map((id) => <Tag key={id}>{projectName(id)}</Tag>),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (a) =>
              a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>,
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" onClick={() => setResetting(row)}>
                  {t('admin.resetPassword')}
                </Button>
                <AuditHistoryButton entity="user" id={row.id} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined ? <UserForm user={editing} onClose={() => setEditing(undefined)} /> : null}
      {resetting ? <ResetPasswordForm user={resetting} onClose={() => setResetting(null)} /> : null}
    </div>
  );
}

/** 新建 / 编辑用户: a new user also gets a username and a first password. */
function UserForm({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useI18n();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  return (
    <FormModal
      title={user ? t('admin.editUser') : t('admin.newUser')}
      initialValues={
        (user as Record<string, unknown> | null) ?? { role: 'officer', projectIds: [], active: true }
      }
      onClose={onClose}
      onSubmit={(values: TUserCreate & TUserUpdate) => {
        const body = {
          ...values,
          phone: values.phone || null,
          employeeId: values.employeeId ?? null,
          projectIds: values.projectIds ?? [],
        };
        return user ? updateUser.mutateAsync({ id: user.id, body }) : createUser.mutateAsync(body);
      }}
    >
      {!user ? (
        <>
          <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} rules={[{ required: true, min: 8 }]}>
            <Input.Password />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="projectIds" label={t('admin.projects')}>
        <ProjectSelect mode="multiple" />
      </Form.Item>
      <Form.Item name="phone" label={t('admin.phone')}>
        <Input maxLength={11} />
      </Form.Item>
      <Form.Item name="employeeId" label={t('admin.employee')}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      {user ? (
        <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

function ResetPasswordForm({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useI18n();
  const resetPassword = useResetPassword();
  return (
    <FormModal
      title={`${t('admin.resetPassword')} · ${user.username}`}
      onClose={onClose}
      onSubmit={(values: { password: string }) =>
        resetPassword.mutateAsync({ id: user.id, password: values.password })
      }
    >
      <Form.Item name="password" label={t('common.newPassword')} rules={[{ required: true, min: 8 }]}>
        <Input.Password />
      </Form.Item>
    </FormModal>
  );
}
