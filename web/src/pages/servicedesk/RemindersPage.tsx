import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { type Reminder, sdApi } from '../../api/servicedesk.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';

export function reminderLink(r: Reminder): string | null {
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
  const q = useQuery({ queryKey: ['reminder-count'], queryFn: sdApi.reminderCount, refetchInterval: 60_000 });
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
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['reminders'], queryFn: sdApi.reminders });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['reminders'] });
    await queryClient.invalidateQueries({ queryKey: ['reminder-count'] });
  };
  return (
    <div>
      <PageHeader
        title={`${t('servicedesk.reminders')}（${q.data?.unread ?? 0}）`}
        extra={
          <Button onClick={() => sdApi.readAllReminders().then(refresh)}>{t('servicedesk.readAll')}</Button>
        }
      />
      {q.data?.items.length ? (
        <List
          dataSource={q.data.items}
          renderItem={(r) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: r.read ? 0.55 : 1 }}
              onClick={async () => {
                await sdApi.readReminder(r.id);
                await refresh();
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
      ) : (
        <Empty description={t('servicedesk.noReminders')} />
      )}
    </div>
  );
}
