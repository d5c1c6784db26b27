import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Radio, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useProjects } from '../../api/project.ts';
import {
  IMPORT_MODES,
  type ImportError,
  type ImportJob,
  type ImportMode,
  propertyApi,
  useImportFinished,
  useImportJob,
  useStartImport,
} from '../../api/property.ts';
import { showError } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { QueryError } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

/**
 * Excel import of units and owners: template → upload → every row checked → either a
 * row-by-row error report (nothing written) or the whole file in one transaction.
 */
export function ImportPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<number>();
  const [mode, setMode] = useState<ImportMode>('create');
  const [jobId, setJobId] = useState<number>();
  const startImport = useStartImport();
  // the job runs on the server; its query asks for progress until it ends
  const jobQuery = useImportJob(jobId);
  const job = jobId ? (jobQuery.data ?? null) : null;
  const uploading = startImport.isPending;
  const project = projectId ?? projects.data?.[0]?.id;
  const importFinished = useImportFinished();
  useEffect(() => {
    if (job?.status === 'done') void importFinished();
  }, [job?.status, importFinished]);

  const start = async (file: File) => {
    if (!project) return;
    setJobId(undefined);
    try {
      setJobId((await startImport.mutateAsync({ projectId: project, mode, file })).id);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div>
      <PageHeader title={t('property.import.title')} />
      <Card>
        <Steps
          direction="vertical"
          items={[
            {
              title: t('property.import.step1'),
              status: 'process',
              description: (
                <Space direction="vertical">
                  <Typography.Text type="secondary">{t('property.import.step1Text')}</Typography.Text>
                  <Button icon={<DownloadOutlined />} href={propertyApi.templateHref()}>
                    {t('property.template')}
                  </Button>
                </Space>
              ),
            },
            {
              title: t('property.import.step2'),
              status: 'process',
              description: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{t('property.import.step2Text')}</Typography.Text>
                  <Space wrap>
                    <span>{t('property.project')}</span>
                    <ProjectSelect
                      data-testid="import-project"
                      style={{ width: 180 }}
                      value={project}
                      onChange={setProjectId}
                    />
                    <span>{t('property.import.mode')}</span>
                    <Radio.Group
                      value={mode}
                      onChange={(e) => setMode(e.target.value)}
                      options={IMPORT_MODES.map((m) => ({
                        value: m,
                        label: t(`property.import.modes.${m}`),
                      }))}
                    />
                  </Space>
                  <Upload
                    accept=".xlsx"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      start(file);
                      return false;
                    }}
                  >
                    <Button
                      type="primary"
                      icon={<UploadOutlined />}
                      loading={uploading || job?.status === 'running'}
                    >
                      {t('property.import.choose')}
                    </Button>
                  </Upload>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      {jobQuery.isError ? (
        <QueryError error={jobQuery.error} onRetry={() => void jobQuery.refetch()} />
      ) : null}
      {job ? <ImportOutcome job={job} /> : null}
    </div>
  );
}

/** Where a job stands: progress while it runs, then the row errors, the counts, or why it failed. */
function ImportOutcome({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const percent = job.total ? Math.floor((job.processed * 100) / job.total) : 0;
  return (
    <>
      {job.status === 'running' ? (
        <Card style={{ marginTop: 16 }} data-testid="import-progress">
          <Typography.Text>
            {t(`property.import.phases.${job.phase}`)} {job.total ? `${job.processed} / ${job.total}` : ''}
          </Typography.Text>
          <Progress percent={percent} status="active" />
        </Card>
      ) : null}

      {job.status === 'invalid' ? (
        <Card style={{ marginTop: 16 }} data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            message={t('property.import.invalid', { count: job.errorCount })}
            action={
              <Button
                danger
                icon={<DownloadOutlined />}
                href={job.reportToken ? propertyApi.reportHref(job.reportToken) : undefined}
              >
                {t('property.import.downloadReport')}
              </Button>
            }
          />
          <Table<ImportError>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.message}`}
            dataSource={job.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('property.import.sheet'), dataIndex: 'sheet', width: 120 },
              { title: t('property.import.row'), dataIndex: 'row', width: 80 },
              { title: t('property.import.column'), dataIndex: 'column', width: 140 },
              { title: t('property.import.message'), dataIndex: 'message' },
            ]}
          />
        </Card>
      ) : null}

      {job.status === 'done' && job.counts ? (
        <Card style={{ marginTop: 16 }} data-testid="import-done">
          <Result
            status="success"
            title={t('property.import.done')}
            subTitle={t('property.import.doneText', {
              ...job.counts,
              seconds: ((job.elapsedMs ?? 0) / 1000).toFixed(1),
            })}
            extra={
              <Link to={`/property/register?projectId=${job.projectId}`}>
                <Button type="primary">{t('property.import.viewRegister')}</Button>
              </Link>
            }
          />
        </Card>
      ) : null}

      {job.status === 'failed' ? (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          message={t('property.import.failed', { message: job.message ?? '' })}
        />
      ) : null}
    </>
  );
}
