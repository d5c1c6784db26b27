import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAccess } from '../../access.ts';
import {
  ASSESSMENT_STATUSES,
  type AssessmentQuery,
  type AssessmentStatus,
  type AssessmentSummary,
  assessmentApi,
  assessmentKeys,
  useAssessees,
  useCreateSheet,
} from '../../api/assessment.ts';
import { useProjects } from '../../api/project.ts';
import { showError } from '../../components/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { QueryError } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { STATUS_COLOR } from './SheetHeading.tsx';

/** 考核表 list: a manager sees every sheet of their projects, a supervisor those they assess and their own. */
export function SheetsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const projects = useProjects();
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<AssessmentStatus | undefined>();
  const [projectId, setProjectId] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const { canCreateSheet: canCreate } = useAccess();
  const filters: AssessmentQuery = { period: period?.format('YYYY-MM'), status, projectId };
  return (
    <div>
      <PageHeader
        title={t('assessment.menu.sheets')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('assessment.newSheet')}
            </Button>
          ) : null
        }
      >
        <Space wrap>
          <DatePicker
            picker="month"
            value={period}
            onChange={setPeriod}
            placeholder={t('assessment.period')}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('assessment.status')}
            value={status}
            onChange={setStatus}
            options={ASSESSMENT_STATUSES.map((s) => ({
              value: s,
              label: t(`assessment.statuses.${s}`),
            }))}
          />
          {(projects.data?.length ?? 0) > 1 ? (
            <ProjectSelect
              allowClear
              style={{ width: 160 }}
              placeholder={t('assessment.project')}
              value={projectId}
              onChange={setProjectId}
            />
          ) : null}
        </Space>
      </PageHeader>
      <PagedTable<AssessmentSummary>
        queryKey={assessmentKeys.list(filters)}
        fetch={(p) => assessmentApi.list({ ...p, ...filters })}
        onRow={(r) => ({
          onClick: () => navigate(`/assessment/sheets/${r.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('assessment.period'), dataIndex: 'period', sorter: true },
          {
            title: t('assessment.assessee'),
            dataIndex: 'assesseeName',
            sorter: true,
            render: (name: string, r) => <a data-testid={`sheet-${r.assesseeName}-${r.period}`}>{name}</a>,
          },
          {
            title: t('assessment.position'),
            dataIndex: 'positionCode',
            render: (code: string) => t(`assessment.positions.${code}`),
          },
          { title: t('assessment.project'), dataIndex: 'projectName' },
          { title: t('assessment.assessor'), dataIndex: 'assessorName' },
          {
            title: t('assessment.status'),
            dataIndex: 'status',
            render: (s: AssessmentSummary['status'], r) => (
              <>
                <Tag color={STATUS_COLOR[s]}>{t(`assessment.statuses.${s}`)}</Tag>
                {r.revision > 1 ? t('assessment.revisionN', { n: r.revision }) : null}
              </>
            ),
          },
          { title: t('assessment.total'), dataIndex: 'total', sorter: true },
        ]}
      />
      {creating ? <CreateSheetModal onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function CreateSheetModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const people = useAssessees();
  const create = useCreateSheet();
  return (
    <Modal
      open
      title={t('assessment.newSheet')}
      onCancel={onClose}
      okText={t('common.confirm')}
      confirmLoading={create.isPending}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          const sheet = await create.mutateAsync({
            assesseeUserId: values.assesseeUserId,
            period: values.period.format('YYYY-MM'),
          });
          navigate(`/assessment/sheets/${sheet.assessment.id}`);
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ period: dayjs() }}>
        <Form.Item name="assesseeUserId" label={t('assessment.assessee')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={people.isLoading}
            notFoundContent={people.isError ? <QueryError error={people.error} /> : undefined}
            options={(people.data ?? []).map((p) => ({
              value: p.userId,
              label: `${p.name}（${p.positionName ?? '—'} · ${p.projectName}）`,
              disabled: !p.schemeId,
            }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('assessment.period')} rules={[{ required: true }]}>
          <DatePicker picker="month" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
