import { PrinterOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { type Sheet, useSheet } from '../../api/assessment.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { ScoreSheetTable } from './ScoreSheetTable.tsx';
import { SheetHeading } from './SheetHeading.tsx';

/** 打印版: the sheet alone, as the document prints it, with the appeals and a signature line. */
export function PrintPage() {
  const id = Number(useParams().id);
  const query = useSheet(id);
  return <QueryState query={query}>{(sheet) => <PrintSheet sheet={sheet} />}</QueryState>;
}

function PrintSheet({ sheet }: { sheet: Sheet }) {
  const { t } = useI18n();
  const id = sheet.assessment.id;
  return (
    <div className="print-sheet" data-testid="print-sheet">
      <div className="no-print" style={{ marginBottom: 12, display: 'flex', gap: 8 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
        <Link to={`/assessment/sheets/${id}`}>
          <Button>{t('assessment.goToSheet')}</Button>
        </Link>
      </div>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {sheet.scheme.name}
      </Typography.Title>
      <SheetHeading sheet={sheet} />
      <ScoreSheetTable sheet={sheet} printable />
      {sheet.appeals.length ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('assessment.appealsTitle')}</Typography.Text>
          <ol>
            {sheet.appeals.map((ap) => (
              <li key={ap.id}>
                {ap.rowKey.split(':')[0]}：{ap.reason} — {t(`assessment.appealStatuses.${ap.status}`)}
                {ap.decisionReason ? `：${ap.decisionReason}` : ''}
                {ap.decidedByName ? `（${ap.decidedByName} ${formatDateTime(ap.decidedAt)}）` : ''}
                {ap.cases.length ? (
                  <ul>
                    {ap.cases.map((c) => (
                      <li key={c.id}>
                        {c.ref.label ?? `${c.ref.entity} #${c.ref.id}`}：
                        {t(`assessment.caseStatuses.${c.status}`)}
                        {c.decisionReason ? `，${c.decisionReason}` : ''}
                        {c.decidedByName ? `（${c.decidedByName}）` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <p style={{ marginTop: 32 }}>
        {t('assessment.signature', { assessor: sheet.assessment.assessorName })}
      </p>
    </div>
  );
}
