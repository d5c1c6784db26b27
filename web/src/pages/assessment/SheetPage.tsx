import { Modal } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  type Appeal,
  type DeductionRow,
  type Sheet,
  useAppealRow,
  useDecideAppeal,
  useDeleteManualEntry,
  useReviseSheet,
  useSheet,
} from '../../api/assessment.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { AppealModal, DecideModal } from './AppealDialogs.tsx';
import { AppealsPanel } from './AppealsPanel.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { ScoreSheetTable } from './ScoreSheetTable.tsx';
import { runSheetAction, SheetActions } from './SheetActions.tsx';
import { ManualEntryModal, ReasonModal } from './SheetDialogs.tsx';
import { SheetHeading } from './SheetHeading.tsx';
import { SheetNotices } from './SheetNotices.tsx';

/**
 * 考核表: one sheet with its rows, appeals and revisions. The page only arranges the parts:
 * the buttons (SheetActions), notices, heading, the score table, appeals, revisions and dialogs.
 */
export function SheetPage() {
  const id = Number(useParams().id);
  const query = useSheet(id);
  return <QueryState query={query}>{(sheet) => <SheetView sheet={sheet} />}</QueryState>;
}

function SheetView({ sheet }: { sheet: Sheet }) {
  const { t, locale } = useI18n();
  const a = sheet.assessment;
  const [appealRow, setAppealRow] = useState<DeductionRow | null>(null);
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [reviseOpen, setReviseOpen] = useState(false);
  const appeal = useAppealRow();
  const decide = useDecideAppeal();
  const revise = useReviseSheet();
  const deleteManual = useDeleteManualEntry();
  return (
    <div>
      <PageHeader
        title={`${a.assesseeName} · ${a.period} · ${sheet.scheme.name}`}
        extra={
          <SheetActions
            sheet={sheet}
            onAddManual={() => setManualOpen(true)}
            onRevise={() => setReviseOpen(true)}
          />
        }
      />
      <SheetNotices sheet={sheet} />
      <SheetHeading sheet={sheet} />
      <ScoreSheetTable
        sheet={sheet}
        onAppeal={setAppealRow}
        onDecide={setDeciding}
        onDeleteManual={(row) =>
          Modal.confirm({
            title: t('assessment.deleteManual'),
            content: t('assessment.deleteManualConfirm', { text: row.explanation }),
            onOk: () => runSheetAction(deleteManual.mutateAsync({ id: a.id, entryId: row.manualEntryId! })),
          })
        }
      />
      <AppealsPanel sheet={sheet} onDecide={setDeciding} />
      <RevisionsPanel sheet={sheet} />
      {appealRow ? (
        <AppealModal
          row={appealRow}
          onClose={() => setAppealRow(null)}
          onSubmit={async ({ cases, reason }) => {
            const done = await runSheetAction(
              appeal.mutateAsync({ id: a.id, rowKey: appealRow.rowKey, cases, reason }),
              t('assessment.appealSent'),
            );
            if (done) setAppealRow(null);
          }}
        />
      ) : null}
      {deciding ? (
        <DecideModal
          appeal={deciding}
          row={sheet.rows.find((r) => r.rowKey === deciding.rowKey)}
          onClose={() => setDeciding(null)}
          onSubmit={async (body) => {
            const done = await runSheetAction(
              decide.mutateAsync({ appealId: deciding.id, body }),
              t('common.saved'),
            );
            if (done) setDeciding(null);
          }}
        />
      ) : null}
      {manualOpen ? (
        <ManualEntryModal
          sheet={sheet}
          locale={locale}
          onClose={() => setManualOpen(false)}
          onSaved={() => setManualOpen(false)}
        />
      ) : null}
      {reviseOpen ? (
        <ReasonModal
          title={t('assessment.revise')}
          label={t('assessment.reviseReason')}
          onClose={() => setReviseOpen(false)}
          onSubmit={async (reason) => {
            const next = await runSheetAction(revise.mutateAsync({ id: a.id, reason }), t('common.saved'));
            if (next) {
              setReviseOpen(false);
              window.location.assign(`/assessment/sheets/${next.assessment.id}`);
            }
          }}
        />
      ) : null}
    </div>
  );
}
