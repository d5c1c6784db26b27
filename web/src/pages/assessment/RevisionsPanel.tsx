import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Sheet } from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n.tsx';

/** 修订版: the other revisions of the same assessee and period, when there are any. */
export function RevisionsPanel({ sheet }: { sheet: Sheet }) {
  const { t } = useI18n();
  const a = sheet.assessment;
  if (sheet.revisions.length <= 1) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('assessment.revisions')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sheet.revisions}
        columns={[
          {
            title: t('assessment.revision'),
            dataIndex: 'revision',
            render: (n, r) =>
              r.id === a.id ? (
                t('assessment.revisionN', { n })
              ) : (
                <Link to={`/assessment/sheets/${r.id}`}>{t('assessment.revisionN', { n })}</Link>
              ),
          },
          {
            title: t('assessment.status'),
            dataIndex: 'status',
            render: (s) => t(`assessment.statuses.${s}`),
          },
          { title: t('assessment.total'), dataIndex: 'total' },
          { title: t('assessment.reviseReason'), dataIndex: 'revisionReason' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
        ]}
      />
    </>
  );
}
