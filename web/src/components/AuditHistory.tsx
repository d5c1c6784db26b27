import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useAuditHistory } from '../api/audit.ts';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from './format.ts';
import { QueryState } from './QueryState.tsx';

function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const rows: { field: string; before: string; after: string }[] = [];
  for (const key of keys) {
    const b = JSON.stringify(before?.[key] ?? null);
    const a = JSON.stringify(after?.[key] ?? null);
    if (b !== a && !['updated_at', 'updatedAt'].includes(key)) rows.push({ field: key, before: b, after: a });
  }
  return rows;
}

/** The record's history (who, when, before → after), from the audit trail. */
export function AuditTimeline({ entity, id }: { entity: string; id: number | string }) {
  const { t, auditAction } = useI18n();
  const query = useAuditHistory(entity, id);
  return (
    <QueryState query={query} empty={t('common.audit.none')}>
      {(entries) => (
        <Timeline
          items={entries.map((entry) => ({
            key: entry.id,
            children: (
              <div>
                <Typography.Text strong>
                  {formatDateTime(entry.at)} · {entry.userName ?? '—'} · {auditAction(entry.action)}
                </Typography.Text>
                {entry.action !== 'create' && entry.before && entry.after ? (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="field"
                    style={{ marginTop: 4 }}
                    dataSource={changedFields(entry.before, entry.after)}
                    columns={[
                      { title: t('common.audit.field'), dataIndex: 'field', width: 140 },
                      { title: t('common.audit.before'), dataIndex: 'before' },
                      { title: t('common.audit.after'), dataIndex: 'after' },
                    ]}
                  />
                ) : null}
              </div>
            ),
          }))}
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
