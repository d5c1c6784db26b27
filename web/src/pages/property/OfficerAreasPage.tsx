import { Alert, Button, DatePicker, Drawer, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  type OfficerArea,
  useAssignOfficer,
  useOfficerAreas,
  useOfficerHistory,
} from '../../api/property.ts';
import { useEmployees } from '../../api/staff.ts';
import { showError } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

function HistoryDrawer({ buildingId, onClose }: { buildingId: number; onClose(): void }) {
  const { t } = useI18n();
  const query = useOfficerHistory(buildingId);
  return (
    <Drawer open title={t('property.areas.history')} onClose={onClose}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        {...tableState(query)}
        columns={[
          { title: t('property.officer'), dataIndex: 'employeeName' },
          { title: t('property.areas.since'), dataIndex: 'fromDate' },
          { title: t('property.areas.until'), dataIndex: 'toDate', render: (v) => v ?? '—' },
        ]}
      />
    </Drawer>
  );
}

/** 房管员区域划分: buildings → officer, one at a time, with history; the supervisor edits it. */
export function OfficerAreasPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<number>();
  const project = projectId ?? projects.data?.[0]?.id;
  const [fromDate, setFromDate] = useState<Dayjs>(dayjs());
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const { canEditOfficerAreas: canEdit } = useAccess();
  const areas = useOfficerAreas(project);
  const officers = useEmployees(
    { projectId: project, status: 'active', pageSize: 200 },
    !!project && canEdit,
  );
  const assignOfficer = useAssignOfficer();
  const assign = async (row: OfficerArea, employeeId: number | null) => {
    try {
      await assignOfficer.mutateAsync({
        buildingId: row.buildingId,
        body: { employeeId, fromDate: fromDate.format('YYYY-MM-DD') },
      });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div>
      <PageHeader title={t('property.areas.title')}>
        <Space wrap>
          <ProjectSelect style={{ width: 180 }} value={project} onChange={setProjectId} />
          {canEdit ? (
            <Space>
              <span>{t('property.areas.since')}</span>
              <DatePicker value={fromDate} allowClear={false} onChange={(d) => d && setFromDate(d)} />
            </Space>
          ) : null}
        </Space>
      </PageHeader>
      <Alert type="info" showIcon message={t('property.areas.hint')} style={{ marginBottom: 12 }} />
      <Table<OfficerArea>
        rowKey="buildingId"
        size="middle"
        {...tableState(areas)}
        pagination={false}
        columns={[
          { title: t('property.section'), dataIndex: 'sectionName' },
          { title: t('property.building'), dataIndex: 'buildingName' },
          {
            title: t('property.officer'),
            dataIndex: 'employeeId',
            render: (_, row) =>
              canEdit ? (
                <Select
                  allowClear
                  style={{ width: 180 }}
                  value={row.employeeId ?? undefined}
                  placeholder={t('property.noOfficer')}
                  options={(officers.data?.items ?? [])
                    .filter(
                      (e) =>
                        e.positionName === null || /房管/.test(e.positionName) || e.id === row.employeeId,
                    )
                    .map((e) => ({ value: e.id, label: e.name }))}
                  onChange={(v) => assign(row, v ?? null)}
                />
              ) : (
                (row.employeeName ?? (
                  <Typography.Text type="secondary">{t('property.noOfficer')}</Typography.Text>
                ))
              ),
          },
          { title: t('property.areas.since'), dataIndex: 'fromDate', render: (v) => v ?? '—' },
          {
            title: t('common.actions'),
            key: 'history',
            render: (_, row) => (
              <Button size="small" onClick={() => setHistoryOf(row.buildingId)}>
                {t('property.areas.history')}
              </Button>
            ),
          },
        ]}
      />
      {historyOf ? <HistoryDrawer buildingId={historyOf} onClose={() => setHistoryOf(null)} /> : null}
    </div>
  );
}
