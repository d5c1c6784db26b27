import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { type AuditEntry, useAuditHistory } from '../api/audit.ts';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from './format.ts';
import { QueryState } from './QueryState.tsx';

/** Bookkeeping the history leaves out: ids, stored JSON, technical times. */
const HIDDEN = /(^id$|_id$|Id$|_json$|^(created|updated)_?[aA]t$|^version$|^password)/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Where a record's status words live, by audit entity. */
const STATUS_TEXTS: Record<string, string> = {
  assessment: 'assessment.statuses',
  assessment_appeal: 'assessment.appealStatuses',
  task: 'servicedesk.taskStatuses',
  repair_order: 'servicedesk.statuses',
  repair: 'servicedesk.statuses',
  complaint: 'servicedesk.complaintStatuses',
  repair_weekly_review: 'servicedesk.reviewStatuses',
  unit: 'property.statuses',
  employee: 'staff.statuses',
  project: 'admin.statuses',
};

type I18n = ReturnType<typeof useI18n>;

/** A value as people read it: times in Asia/Shanghai, yes/no, status words, lists by their labels. */
function readable(value: unknown, i18n: I18n, entity: string, key: string): string {
  const { t } = i18n;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatDateTime(value);
    // an assessment row's key ('2.5:auto', '0.1:manual:7') is read as its rule's number
    if (key === 'rowKey' || key === 'row_key') return value.split(':')[0];
    const words =
      key === 'status' ? STATUS_TEXTS[entity] : key === 'decision' ? 'assessment.appealStatuses' : undefined;
    if (words) {
      const word = t(`${words}.${value}`);
      if (word !== `${words}.${value}`) return word;
    }
    return value;
  }
  if (Array.isArray(value)) {
    return value.length ? value.map((v) => readable(v, i18n, entity, key)).join('；') : '—';
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const name of ['label', 'record', 'name', 'title'])
      if (typeof o[name] === 'string') return o[name] as string;
    return Object.entries(o)
      .filter(([k]) => !HIDDEN.test(k))
      .map(([k, v]) => `${i18n.auditField(k) ?? k}：${readable(v, i18n, entity, k)}`)
      .join('，');
  }
  return String(value);
}

/** The fields an entry changed, by their labels, before → after; bookkeeping left out. */
export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>, entity: string, i18n: I18n) {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const rows: { key: string; field: string; before: string; after: string }[] = [];
  for (const key of keys) {
    if (HIDDEN.test(key)) continue;
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    rows.push({
      key,
      field: i18n.auditField(key) ?? key,
      before: entry.before ? readable(before[key], i18n, entity, key) : '—',
      after: entry.after ? readable(after[key], i18n, entity, key) : '—',
    });
  }
  return rows;
}

/** The record's history (who, when in Asia/Shanghai, what changed: field, before → after), from the audit trail. */
export function AuditTimeline({ entity, id }: { entity: string; id: number | string }) {
  const i18n = useI18n();
  const { t, auditAction } = i18n;
  const query = useAuditHistory(entity, id);
  return (
    <QueryState query={query} empty={t('common.audit.none')}>
      {(entries) => (
        <Timeline
          items={entries.map((entry) => {
            const rows = entry.action !== 'create' ? changedFields(entry, entity, i18n) : [];
            return {
              key: entry.id,
              children: (
                <div data-testid="audit-entry">
                  <Typography.Text strong>
                    {formatDateTime(entry.at)} · {entry.userName ?? '—'} · {auditAction(entry.action)}
                  </Typography.Text>
                  {rows.length ? (
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="key"
                      style={{ marginTop: 4 }}
                      dataSource={rows}
                      columns={[
                        { title: t('common.audit.field'), dataIndex: 'field', width: 120 },
                        { title: t('common.audit.before'), dataIndex: 'before' },
                        { title: t('common.audit.after'), dataIndex: 'after' },
                      ]}
                    />
                  ) : null}
                </div>
              ),
            };
          })}
        />
      )}
    </QueryState>
  );
}

/** A button opening the history drawer of one record. */
export function AuditHistoryButton({ entity, id }: { entity: string; id: number | string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<HistoryOutlined />} onClick={() => setOpen(true)}>
        {t('common.history')}
      </Button>
      <Drawer
        title={t('common.audit.title')}
        size="large"
        open={open}
        onClose={() => setOpen(false)}
        destroyOnHidden
      >
        {open ? <AuditTimeline entity={entity} id={id} /> : null}
      </Drawer>
    </>
  );
}
