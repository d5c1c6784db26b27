import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  message,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  type TReviewItem,
  useAcknowledgeReview,
  useRepairReview,
  useRepairReviewPending,
  useRepairReviews,
  useSubmitReview,
} from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { QueryState, tableState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { StatusTag } from './shared.tsx';

const lastMonday = () => {
  const d = dayjs().subtract(7, 'day');
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
};

/** 每周审核业主报修内容上报经理: the supervisor submits, the manager acknowledges */
export function RepairReviewPage() {
  const { t } = useI18n();
  const access = useAccess();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<number | undefined>();
  const [params] = useSearchParams();
  const [weekStart, setWeekStart] = useState(params.get('week') ?? lastMonday());
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [summary, setSummary] = useState('');
  const project = projectId ?? projects.data?.[0]?.id;
  const week = useRepairReview(project, weekStart);
  const pending = useRepairReviewPending(project);
  const list = useRepairReviews(project);
  const submit = useSubmitReview();
  const acknowledge = useAcknowledgeReview();
  const w = week.data;
  const itemColumns = [
    {
      title: t('servicedesk.code'),
      dataIndex: 'code',
      render: (c: string, r: TReviewItem) => <Link to={`/servicedesk/repairs/${r.id}`}>{c}</Link>,
      width: 100,
    },
    { title: t('servicedesk.location'), dataIndex: 'location' },
    { title: t('servicedesk.category'), dataIndex: 'categoryName', width: 100 },
    {
      title: t('servicedesk.status'),
      dataIndex: 'status',
      render: (s: string) => <StatusTag status={s} />,
      width: 100,
    },
  ];
  return (
    <div>
      <PageHeader title={t('servicedesk.reviews')}>
        <Space wrap>
          <ProjectSelect style={{ width: 140 }} value={project} onChange={setProjectId} />
          <DatePicker
            picker="week"
            value={dayjs(weekStart)}
            onChange={(d: Dayjs | null) =>
              d && setWeekStart(d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD'))
            }
          />
          {w ? (
            <Typography.Text>
              {t('servicedesk.weekOf', { start: w.weekStart, end: w.weekEnd })}{' '}
              <Tag color={w.status === 'draft' ? 'orange' : w.status === 'submitted' ? 'blue' : 'green'}>
                {t(`servicedesk.reviewStatuses.${w.status}`)}
              </Tag>
            </Typography.Text>
          ) : null}
        </Space>
      </PageHeader>
      <QueryState query={week} isEmpty={() => false}>
        {(w) => (
          <>
            <Space size={32} style={{ marginBottom: 16 }}>
              {(['created', 'done', 'overdue', 'unfinished'] as const).map((k) => (
                <Statistic key={k} title={t(`servicedesk.counts.${k}`)} value={w.content.counts[k]} />
              ))}
            </Space>
            <Card
              size="small"
              title={`${t('servicedesk.counts.unfinished')}（${w.content.unfinished.length}）`}
            >
              <Table<TReviewItem & { reason: string }>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 10 }}
                dataSource={w.content.unfinished}
                columns={[
                  ...itemColumns,
                  {
                    title: t('servicedesk.reason'),
                    dataIndex: 'reason',
                    render: (v: string, r) =>
                      w.status === 'draft' ? (
                        <Input
                          size="small"
                          maxLength={300}
                          value={reasons[r.id] ?? ''}
                          onChange={(e) => setReasons((x) => ({ ...x, [r.id]: e.target.value }))}
                        />
                      ) : (
                        v || '—'
                      ),
                  },
                ]}
              />
            </Card>
            <Card
              size="small"
              title={`${t('servicedesk.counts.created')}（${w.content.created.length}）`}
              style={{ marginTop: 12 }}
            >
              <div data-testid="review-created">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10 }}
                  dataSource={[...w.content.created].reverse()}
                  columns={itemColumns}
                />
              </div>
            </Card>
            {w.status === 'draft' && access.canSubmitRepairReview ? (
              <Card size="small" style={{ marginTop: 12 }}>
                <Input.TextArea
                  rows={2}
                  placeholder={t('servicedesk.summary')}
                  value={summary}
                  onChange={(e) => setSummary(e.target.value)}
                  maxLength={2000}
                />
                <Button
                  type="primary"
                  style={{ marginTop: 8 }}
                  onClick={async () => {
                    try {
                      await submit.mutateAsync({
                        projectId: project!,
                        weekStart,
                        summary: summary || undefined,
                        reasons: Object.entries(reasons).map(([id, reason]) => ({
                          repairOrderId: Number(id),
                          reason,
                        })),
                      });
                      message.success(t('common.saved'));
                    } catch (e) {
                      showError(e);
                    }
                  }}
                >
                  {t('servicedesk.submitReview')}
                </Button>
              </Card>
            ) : null}
            {w.status === 'submitted' && access.canAcknowledgeRepairReview ? (
              <Button
                type="primary"
                style={{ marginTop: 12 }}
                onClick={async () => {
                  try {
                    await acknowledge.mutateAsync({ id: w.id! });
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                {t('servicedesk.acknowledge')}
              </Button>
            ) : null}
          </>
        )}
      </QueryState>
      <Card size="small" title={t('servicedesk.pending')} style={{ marginTop: 16 }}>
        {pending.data?.length ? (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={pending.data}
            columns={[
              ...itemColumns,
              { title: t('servicedesk.reason'), dataIndex: 'reason' },
              { title: t('servicedesk.week'), dataIndex: 'weekStart' },
            ]}
          />
        ) : (
          <Alert type="success" showIcon message="—" />
        )}
      </Card>
      <Card size="small" title={t('servicedesk.reviews')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          {...tableState(list)}
          onRow={(r) => ({ onClick: () => setWeekStart(r.weekStart), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('servicedesk.week'),
              dataIndex: 'weekStart',
              render: (v: string, r) => t('servicedesk.weekOf', { start: v, end: r.weekEnd }),
            },
            ...(['created', 'done', 'overdue', 'unfinished'] as const).map((k) => ({
              title: t(`servicedesk.counts.${k}`),
              render: (_: unknown, r: { counts: Record<string, number> }) => r.counts[k],
            })),
            {
              title: t('servicedesk.status'),
              dataIndex: 'status',
              render: (s: string) => t(`servicedesk.reviewStatuses.${s}`),
            },
            {
              title: t('servicedesk.acknowledge'),
              dataIndex: 'acknowledgedAt',
              render: (v: string | null) => formatDateTime(v),
            },
          ]}
        />
      </Card>
    </div>
  );
}
