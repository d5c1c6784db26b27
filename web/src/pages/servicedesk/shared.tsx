import { Tag, Timeline, Typography } from 'antd';
import type { TTimelineEntry } from '../../api/servicedesk.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n.tsx';

const COLORS: Record<string, string> = {
  submitted: 'orange',
  received: 'orange',
  open: 'orange',
  dispatched: 'blue',
  handling: 'blue',
  in_progress: 'processing',
  completed: 'cyan',
  resolved: 'cyan',
  done: 'green',
  visited: 'green',
  closed: 'default',
  cancelled: 'default',
  reopened: 'red',
};

export function StatusTag({ status, group = 'statuses' }: { status: string; group?: string }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`servicedesk.${group}.${status}`)}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useI18n();
  return overdue ? <Tag color="red">{t('servicedesk.overdue')}</Tag> : null;
}

/** The record's history from the audit trail, served with the record */
export function RecordTimeline({ entries }: { entries: TTimelineEntry[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      items={entries.map((e, i) => {
        const after = (e.after ?? {}) as Record<string, unknown>;
        const note = (after.comment ?? after.note ?? after.result ?? after.resolution ?? after.reason) as
          | string
          | undefined;
        return {
          key: i,
          children: (
            <div data-testid="timeline-entry">
              <Typography.Text strong>{t(`servicedesk.actions.${e.action}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                · {e.userName ?? '—'} · {formatDateTime(e.at)}
              </Typography.Text>
              {note ? <div>{String(note)}</div> : null}
              {typeof after.rating === 'number' ? <div>★ {String(after.rating)}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
