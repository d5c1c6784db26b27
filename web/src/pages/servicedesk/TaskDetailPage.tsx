import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { type TTask, useTask, useTaskCategories } from '../../api/servicedesk.ts';
import { AuditTimeline } from '../../components/AuditHistory.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { useTaskActions } from './recordActions.tsx';
import { OverdueTag, StatusTag } from './shared.tsx';

/** One task (交办事项): what an assessment deduction for an overdue task opens. */
export function TaskDetailPage() {
  const { id } = useParams();
  const task = useTask(Number(id));
  return <QueryState query={task}>{(k) => <TaskDetail k={k} />}</QueryState>;
}

function TaskDetail({ k }: { k: TTask }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const categories = useTaskCategories();
  const actions = useTaskActions();
  return (
    <div>
      <PageHeader
        title={`${t('servicedesk.task')} ${k.code}`}
        extra={
          <>
            {actions.buttons(k, k.actions)}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/servicedesk/tasks')}>
              {t('servicedesk.tasks')}
            </Button>
          </>
        }
      />
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('servicedesk.title')} span={2}>
          {k.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <StatusTag status={k.status} group="taskStatuses" /> <OverdueTag overdue={k.overdue} />
        </Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.category')}>
          {categories.data?.categories[k.category] ?? k.category}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.source')}>
          {categories.data?.sources[k.source] ?? k.source}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.assignee')}>{k.assigneeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.issuer')}>{k.issuerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.recordedAt')}>
          {formatDateTime(k.recordedAt)}
          {k.backfilled ? (
            <Tag color="orange" style={{ marginLeft: 8 }} data-testid="task-backfilled">
              {t('servicedesk.backfilled')}：{k.backfillReason}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.due')}>{formatDateTime(k.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.completedAt')}>
          {formatDateTime(k.completedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.description')} span={2}>
          {k.description ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicedesk.result')} span={2}>
          {k.result ?? '—'}
        </Descriptions.Item>
        {k.cancelRequest ? (
          <Descriptions.Item label={t('servicedesk.cancelRequest')} span={2}>
            <span data-testid="task-cancel-request">
              {t('servicedesk.cancelRequestBy', {
                name: k.cancelRequest.byName ?? '—',
                at: formatDateTime(k.cancelRequest.requestedAt),
                reason: k.cancelRequest.reason,
              })}
            </span>
          </Descriptions.Item>
        ) : null}
        {k.cancellation ? (
          <Descriptions.Item label={t('servicedesk.cancellation')} span={2}>
            <span data-testid="task-cancellation">
              {t('servicedesk.cancelledBy', {
                name: k.cancellation.byName ?? '—',
                at: formatDateTime(k.cancellation.cancelledAt),
                reason: k.cancellation.reason,
              })}
            </span>
            {k.cancellation.afterDue ? (
              <Tag color={k.cancellation.countsAsLate ? 'red' : 'default'} style={{ marginLeft: 8 }}>
                {t(k.cancellation.countsAsLate ? 'servicedesk.countsAsLate' : 'servicedesk.lateExcused')}
              </Tag>
            ) : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card title={t('common.history')} size="small" style={{ marginTop: 16 }}>
        <AuditTimeline entity="task" id={k.id} />
      </Card>
      {actions.dialog}
    </div>
  );
}
