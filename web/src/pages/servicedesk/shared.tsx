import { useQuery } from '@tanstack/react-query';
import { Tag, Timeline, Typography } from 'antd';
import { propertyApi } from '../../api/property.ts';
import type { TimelineEntry } from '../../api/servicedesk.ts';
import { staffApi } from '../../api/staff.ts';
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
export function RecordTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      items={entries.map((e, i) => {
        const after = e.after ?? {};
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

export function useProjectEmployees(projectId?: number) {
  return useQuery({
    queryKey: ['employees', 'of-project', projectId],
    queryFn: () => staffApi.employees({ projectId, pageSize: 200, status: 'active' }),
    enabled: !!projectId,
  });
}

/** The register's buildings of a project, for the building filter */
export function useBuildings(projectId?: number) {
  return useQuery({
    queryKey: ['property-tree', projectId],
    queryFn: () => propertyApi.tree(projectId!),
    enabled: !!projectId,
    select: (tree) =>
      tree.sections.flatMap((sec) =>
        sec.buildings.map((b) => ({ value: b.id, label: `${sec.name} ${b.name}` })),
      ),
  });
}
