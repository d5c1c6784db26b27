import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
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
      </Descriptions>
      <Card title={t('common.history')} size="small" style={{ marginTop: 16 }}>
        <AuditTimeline entity="task" id={k.id} />
      </Card>
      {actions.dialog}
    </div>
  );
}
