import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { TTimelineEntry } from '../../api/servicedesk.ts';
import { formatDateTime } from '../../components/format.ts';
import type { FieldDecl, FilterDecl, Option } from '../../components/list/index.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';

const COLORS: Record<string, string> = {
  submitted: 'orange',
  received: 'orange',
  open: 'orange',
  dispatched: 'blue',
  handling: 'blue',
  in_progress: 'processing',
  cancel_requested: 'gold',
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

/** A record page's header: back to its list, what it is, its state; the allowed moves on the right */
export function RecordHeader({
  back,
  title,
  tags,
  extra,
}: {
  back: string;
  title: ReactNode;
  tags: ReactNode;
  extra: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <PageHeader
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} />
          {title}
          {tags}
        </Space>
      }
      extra={extra}
    />
  );
}

/** A record page's body: the record on the left (below on a phone), its history beside it */
export function RecordBody({ timeline, children }: { timeline: TTimelineEntry[]; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        {children}
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('servicedesk.timeline')}>
          <RecordTimeline entries={timeline} />
        </Card>
      </Col>
    </Row>
  );
}

/** the locale's `t`, for declarations written outside a component */
export type T = (key: string) => string;

/** the category and building filters of the repair and complaint lists */
export const categoryAndBuildingFilters = (t: T, categories: Option[] | undefined): FilterDecl[] => [
  {
    kind: 'select',
    key: 'categoryId',
    numeric: true,
    width: 130,
    placeholder: t('servicedesk.category'),
    options: categories,
  },
  { kind: 'building', key: 'buildingId', placeholder: t('servicedesk.building') },
];

/** 项目 of a new record */
export const projectField = (t: T): FieldDecl => ({
  kind: 'project',
  name: 'projectId',
  label: t('common.project'),
  required: true,
});

/** who reports or complains, and their phone, side by side */
export const personFields = (name: string, label: string, phone: string, t: T): FieldDecl[] => [
  { kind: 'text', name, label, required: true, maxLength: 30, width: '50%' },
  { kind: 'text', name: phone, label: t('servicedesk.phone'), maxLength: 11, width: '50%' },
];

/** 处理结果 of a finished repair or task */
export const resultField = (t: T): FieldDecl => ({
  kind: 'textarea',
  name: 'result',
  label: t('servicedesk.result'),
  required: true,
  maxLength: 1000,
});
