import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Modal,
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
  type TWeeklyReview,
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
import { StatusTag, type T } from './shared.tsx';

const lastMonday = () => {
  const d = dayjs().subtract(7, 'day');
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
};

const COUNTS = ['created', 'done', 'overdue', 'unfinished'] as const;

/** the columns of an order in a review: its code (a link), location, category, state */
function itemColumns(t: T) {
  return [
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
}

/** 每周审核业主报修内容上报经理: the supervisor submits, the manager acknowledges */
export function RepairReviewPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [projectId, setProjectId] = useState<number | undefined>();
  const [params] = useSearchParams();
  const [weekStart, setWeekStart] = useState(params.get('week') ?? lastMonday());
  const project = projectId ?? projects.data?.[0]?.id;
  const week = useRepairReview(project, weekStart);
  const w = week.data;
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
              {w.dueAt ? t('servicedesk.reviewDue', { at: formatDateTime(w.dueAt) }) : null}{' '}
              {w.late ? <Tag color="red">{t('servicedesk.reviewLate')}</Tag> : null}
            </Typography.Text>
          ) : null}
        </Space>
      </PageHeader>
      <QueryState query={week} isEmpty={() => false}>
        {(w) => <ReviewWeek w={w} />}
      </QueryState>
      <PendingCard project={project} />
      <ReviewsCard project={project} onPick={setWeekStart} />
    </div>
  );
}

/** One week: its counts, the unfinished orders (with reasons while a draft), the new ones; submit or acknowledge */
function ReviewWeek({ w }: { w: TWeeklyReview }) {
  const { t } = useI18n();
  const access = useAccess();
  const acknowledge = useAcknowledgeReview();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const columns = itemColumns(t);
  return (
    <>
      <Space size={32} style={{ marginBottom: 16 }}>
        {COUNTS.map((k) => (
          <Statistic key={k} title={t(`servicedesk.counts.${k}`)} value={w.content.counts[k]} />
        ))}
      </Space>
      <Card size="small" title={`${t('servicedesk.counts.unfinished')}（${w.content.unfinished.length}）`}>
        <Table<TReviewItem & { reason: string }>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          dataSource={w.content.unfinished}
          columns={[
            ...columns,
            {
              title: t('servicedesk.conclusion'),
              dataIndex: 'reason',
              render: (v: string, r) =>
                w.status === 'draft' ? (
                  <Input
                    size="small"
                    maxLength={300}
                    data-testid={`conclusion-${r.id}`}
                    placeholder={t('servicedesk.conclusionPlaceholder')}
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
            columns={columns}
          />
        </div>
      </Card>
      {w.status === 'draft' && access.canSubmitRepairReview ? <SubmitReview w={w} reasons={reasons} /> : null}
      {w.status === 'submitted' && access.canAcknowledgeRepairReview ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          onClick={() =>
            Modal.confirm({
              title: t('servicedesk.acknowledge'),
              content: t('servicedesk.confirm.reviewAcknowledge'),
              okText: t('common.confirm'),
              cancelText: t('common.keepAsIs'),
              onOk: () => acknowledge.mutateAsync({ id: w.id! }).catch(showError),
            })
          }
        >
          {t('servicedesk.acknowledge')}
        </Button>
      ) : null}
    </>
  );
}

/** the supervisor's 提交经理: the week's summary and the reasons typed beside the unfinished orders */
function SubmitReview({ w, reasons }: { w: TWeeklyReview; reasons: Record<number, string> }) {
  const { t } = useI18n();
  const submit = useSubmitReview();
  const [summary, setSummary] = useState('');
  return (
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
        loading={submit.isPending}
        onClick={() =>
          Modal.confirm({
            title: t('servicedesk.submitReview'),
            content: t('servicedesk.confirm.reviewSubmit'),
            okText: t('common.confirm'),
            cancelText: t('common.keepAsIs'),
            onOk: () =>
              submit
                .mutateAsync({
                  projectId: w.projectId,
                  weekStart: w.weekStart,
                  summary: summary || undefined,
                  conclusions: Object.entries(reasons).map(([id, conclusion]) => ({
                    repairOrderId: Number(id),
                    conclusion,
                  })),
                })
                .then(() => message.success(t('common.saved')), showError),
          })
        }
      >
        {t('servicedesk.submitReview')}
      </Button>
    </Card>
  );
}

/** unfinished orders of submitted reviews that are still open, with the reason given */
function PendingCard({ project }: { project?: number }) {
  const { t } = useI18n();
  const pending = useRepairReviewPending(project);
  return (
    <Card size="small" title={t('servicedesk.pending')} style={{ marginTop: 16 }}>
      {pending.isError || pending.data?.length ? (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          {...tableState(pending)}
          columns={[
            ...itemColumns(t),
            { title: t('servicedesk.reason'), dataIndex: 'reason' },
            { title: t('servicedesk.week'), dataIndex: 'weekStart' },
          ]}
        />
      ) : (
        <Alert type="success" showIcon message="—" />
      )}
    </Card>
  );
}

/** the project's submitted reviews; a click opens that week */
function ReviewsCard({ project, onPick }: { project?: number; onPick(weekStart: string): void }) {
  const { t } = useI18n();
  const list = useRepairReviews(project);
  return (
    <Card size="small" title={t('servicedesk.reviews')} style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        {...tableState(list)}
        onRow={(r) => ({ onClick: () => onPick(r.weekStart), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('servicedesk.week'),
            dataIndex: 'weekStart',
            render: (v: string, r) => t('servicedesk.weekOf', { start: v, end: r.weekEnd }),
          },
          ...COUNTS.map((k) => ({
            title: t(`servicedesk.counts.${k}`),
            render: (_: unknown, r: { counts: Record<string, number> }) => r.counts[k],
          })),
          {
            title: t('servicedesk.status'),
            dataIndex: 'status',
            render: (s: string, r) => (
              <>
                {t(`servicedesk.reviewStatuses.${s}`)}{' '}
                {r.late ? <Tag color="red">{t('servicedesk.reviewLate')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('servicedesk.acknowledge'),
            dataIndex: 'acknowledgedAt',
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
    </Card>
  );
}
