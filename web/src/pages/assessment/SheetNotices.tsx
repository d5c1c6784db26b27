import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { Link } from 'react-router';
import type { Sheet } from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { useI18n } from '../../i18n.tsx';

/** What the reader should know before reading the rows: locked, superseded, metrics missing, warnings. */
export function SheetNotices({ sheet }: { sheet: Sheet }) {
  const { t } = useI18n();
  const a = sheet.assessment;
  const latest = sheet.revisions[sheet.revisions.length - 1];
  // the rules people read, by their numbers in the document, never the metric keys
  const missing = new Set(sheet.missingMetrics);
  const manualRules = sheet.scheme.items
    .flatMap((item) => item.rules)
    .filter((rule) => rule.metricKey && missing.has(rule.metricKey))
    .map((rule) => rule.key);
  return (
    <>
      {a.status === 'finalized' ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          style={{ marginBottom: 12 }}
          message={t('assessment.lockedNote', { at: formatDateTime(a.finalizedAt) })}
        />
      ) : null}
      {latest && latest.id !== a.id ? (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={
            <>
              {t('assessment.oldRevisionNote', { n: latest.revision })}{' '}
              <Link to={`/assessment/sheets/${latest.id}`}>{t('assessment.goToSheet')}</Link>
            </>
          }
        />
      ) : null}
      {manualRules.length && a.status === 'draft' ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={t('assessment.missingMetricsNote', { rules: manualRules.join('、') })}
        />
      ) : null}
      {sheet.warnings.map((w) => (
        <Alert
          key={`${w.code}:${w.subject}`}
          type="warning"
          style={{ marginBottom: 8 }}
          message={w.message}
        />
      ))}
    </>
  );
}
