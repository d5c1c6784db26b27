import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import {
  type TReminder,
  useReadAllReminders,
  useReadReminder,
  useReminderCount,
  useReminders,
} from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

export function reminderLink(r: TReminder): string | null {
  if (r.entity === 'repair_order') return `/servicedesk/repairs/${r.entityId}`;
  if (r.entity === 'complaint') return `/servicedesk/complaints/${r.entityId}`;
  if (r.entity === 'task') return '/servicedesk/tasks';
  if (r.entity === 'repair_weekly_review') return '/servicedesk/reviews';
  return null;
}

/** The bell in the header: the unread count, refreshed every minute */
export function ReminderBell() {
  const navigate = useNavigate();
  const { t } = useI18n();
  const q = useReminderCount();
  return (
    <Badge count={q.data?.unread ?? 0} size="small" overflowCount={99}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t('servicedesk.reminders')}
        data-testid="reminder-bell"
        onClick={() => navigate('/servicedesk/reminders')}
      />
    </Badge>
  );
}

export function RemindersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useReminders();
  const read = useReadReminder();
  const readAll = useReadAllReminders();
  return (
    <div>
      <PageHeader
        title={`${t('servicedesk.reminders')}（${q.data?.unread ?? 0}）`}
        extra={
          <Button loading={readAll.isPending} onClick={() => readAll.mutateAsync().catch(showError)}>
            {t('servicedesk.readAll')}
          </Button>
        }
      />
      <QueryState query={q} isEmpty={(data) => data.items.length === 0} empty={t('servicedesk.noReminders')}>
        {(data) => (
          <List
            dataSource={data.items}
            renderItem={(r) => (
              <List.Item
                style={{ cursor: 'pointer', opacity: r.read ? 0.55 : 1 }}
                onClick={async () => {
                  await read.mutateAsync(r.id).catch(showError);
                  const link = reminderLink(r);
                  if (link) navigate(link);
                }}
              >
                <List.Item.Meta
                  title={
                    <span>
                      <Tag color={r.kind === 'overdue' ? 'red' : 'orange'}>
                        {t(`servicedesk.kinds.${r.kind}`)}
                      </Tag>
                      {r.title}
                    </span>
                  }
                  description={
                    <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </div>
  );
}
