import { Button, Space, Table, Tag, Typography } from 'antd';
import type { Appeal, AppealStatus, Sheet } from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n.tsx';
import { APPEAL_COLOR } from './SheetHeading.tsx';

/** One decision as the assessee reads it: the verdict, its reason, who made it and when. */
function Verdict({
  status,
  reason,
  by,
  at,
}: {
  status: AppealStatus;
  reason: string | null;
  by: string | null;
  at: string | null;
}) {
  const { t } = useI18n();
  return (
    <span>
      <Tag color={APPEAL_COLOR[status]}>{t(`assessment.appealStatuses.${status}`)}</Tag>
      {reason ? <span>{reason}</span> : null}
      {by ? (
        <Typography.Text type="secondary">
          {' '}
          （{by} {formatDateTime(at)}）
        </Typography.Text>
      ) : null}
    </span>
  );
}

/**
 * The sheet's appeals (申诉): what each disputed, and each case's decision with its reason and who made it.
 * The manager decides the pending ones here.
 */
export function AppealsPanel({ sheet, onDecide }: { sheet: Sheet; onDecide(a: Appeal): void }) {
  const { t } = useI18n();
  if (!sheet.appeals.length) return null;
  const canDecide = sheet.actions.includes('decide');
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('assessment.appealsTitle')}
      </Typography.Title>
      <Table<Appeal>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sheet.appeals}
        data-testid="appeals-table"
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('assessment.rule'),
            dataIndex: 'rowKey',
            render: (k: string) => k.split(':')[0],
            width: 70,
          },
          { title: t('assessment.col.actual'), dataIndex: 'rowPoints', width: 70 },
          {
            title: t('assessment.appealReason'),
            dataIndex: 'reason',
            render: (reason: string, ap) => (
              <Space direction="vertical" size={0}>
                <span>{reason}</span>
                <Typography.Text type="secondary">
                  {ap.createdByName} {formatDateTime(ap.createdAt)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('assessment.decision'),
            dataIndex: 'status',
            render: (s: AppealStatus, ap) =>
              ap.cases.length ? (
                <ul className="appeal-cases" data-testid={`appeal-cases-${ap.id}`}>
                  {ap.cases.map((c) => (
                    <li key={c.id}>
                      {c.ref.label ?? `${c.ref.entity} #${c.ref.id}`}：
                      <Verdict
                        status={c.status}
                        reason={c.decisionReason}
                        by={c.decidedByName}
                        at={c.decidedAt}
                      />
                    </li>
                  ))}
                </ul>
              ) : (
                <Verdict status={s} reason={ap.decisionReason} by={ap.decidedByName} at={ap.decidedAt} />
              ),
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, ap) =>
              canDecide && ap.status === 'pending' ? (
                <Button size="small" type="primary" onClick={() => onDecide(ap)}>
                  {t('assessment.decide')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
