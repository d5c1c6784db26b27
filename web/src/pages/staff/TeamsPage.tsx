import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { TTeamInput } from '../../../../server/modules/staff/staff.schemas.ts';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import { type Team, useSaveTeam, useTeams } from '../../api/staff.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { tableState } from '../../components/QueryState.tsx';

/** the kinds of team (班组类别) the company has; stored by code, shown by name */
const TEAM_KINDS = ['officer', 'frontdesk', 'repair', 'cleaning', 'security', 'greening', 'other'];

import { useI18n } from '../../i18n.tsx';

export function TeamsPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<number | undefined>();
  const teams = useTeams(projectId);
  const save = useSaveTeam();
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  const { canEditTeams: canEdit } = useAccess();
  return (
    <div>
      <PageHeader
        title={t('staff.teams')}
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('staff.newTeam')}
            </Button>
          ) : null
        }
      >
        <ProjectSelect
          allowClear
          placeholder={t('common.project')}
          style={{ width: 180 }}
          onChange={setProjectId}
        />
      </PageHeader>
      <Table<Team>
        rowKey="id"
        {...tableState(teams)}
        pagination={false}
        columns={[
          { title: t('common.project'), dataIndex: 'projectName' },
          { title: t('staff.teamName'), dataIndex: 'name' },
          {
            title: t('staff.teamKind'),
            dataIndex: 'kind',
            // a kind is shown by its name; one typed by hand before the list existed shows as typed
            render: (kind: string) => (TEAM_KINDS.includes(kind) ? t(`staff.teamKinds.${kind}`) : kind),
          },
          { title: t('staff.leader'), dataIndex: 'leaderName', render: (v) => v ?? '—' },
          { title: t('staff.members'), dataIndex: 'memberCount' },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, row) => (
              <Space>
                {canEdit ? (
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('common.edit')}
                  </Button>
                ) : null}
                <AuditHistoryButton entity="team" id={row.id} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined ? (
        <FormModal
          title={editing ? t('common.edit') : t('staff.newTeam')}
          initialValues={editing ?? { projectId: projects.data?.[0]?.id }}
          onClose={() => setEditing(undefined)}
          onSubmit={(values: TTeamInput) =>
            save.mutateAsync({
              id: editing?.id ?? null,
              body: { ...values, leaderEmployeeId: editing?.leaderEmployeeId ?? null },
            })
          }
        >
          <Form.Item name="projectId" label={t('common.project')} rules={[{ required: true }]}>
            <ProjectSelect />
          </Form.Item>
          <Form.Item name="name" label={t('staff.teamName')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="kind" label={t('staff.teamKind')} rules={[{ required: true }]}>
            <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`staff.teamKinds.${k}`) }))} />
          </Form.Item>
        </FormModal>
      ) : null}
    </div>
  );
}
