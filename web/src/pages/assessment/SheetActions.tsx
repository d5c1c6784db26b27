import {
  FileExcelOutlined,
  LockOutlined,
  PlusOutlined,
  PrinterOutlined,
  ReloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useIsMutating } from '@tanstack/react-query';
import { Button, Modal, message } from 'antd';
import { Link } from 'react-router';
import {
  assessmentApi,
  type Sheet,
  type SheetAction,
  sheetMutationKey,
  useAssessmentSettings,
  useFinalizeSheet,
  usePublishSheet,
  useRefreshSheet,
} from '../../api/assessment.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { useI18n } from '../../i18n.tsx';

/** Runs one change of the sheet: says `done` when it worked, shows the error when not (then null). */
export async function runSheetAction<T>(work: Promise<T>, done?: string): Promise<T | null> {
  try {
    const result = await work;
    if (done) message.success(done);
    return result;
  } catch (e) {
    showError(e);
    return null;
  }
}

/** True while any change of a sheet is on its way: the buttons wait for it. */
export function useSheetBusy() {
  return useIsMutating({ mutationKey: sheetMutationKey }) > 0;
}

/**
 * The sheet's buttons: the actions the server says the caller may take now (`sheet.actions`),
 * then print, Excel and history, which everyone who sees the sheet may use.
 */
export function SheetActions({
  sheet,
  onAddManual,
  onRevise,
}: {
  sheet: Sheet;
  onAddManual(): void;
  onRevise(): void;
}) {
  const { t } = useI18n();
  const id = sheet.assessment.id;
  const settings = useAssessmentSettings();
  const refresh = useRefreshSheet();
  const publish = usePublishSheet();
  const finalize = useFinalizeSheet();
  const busy = useSheetBusy();
  const can = (action: SheetAction) => sheet.actions.includes(action);
  return (
    <>
      {can('refresh') ? (
        <Button
          icon={<ReloadOutlined />}
          loading={busy}
          onClick={() => runSheetAction(refresh.mutateAsync(id), t('assessment.refreshed'))}
        >
          {t('assessment.refresh')}
        </Button>
      ) : null}
      {can('addManual') ? (
        <Button icon={<PlusOutlined />} onClick={onAddManual}>
          {t('assessment.addManual')}
        </Button>
      ) : null}
      {can('publish') ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          onClick={() =>
            Modal.confirm({
              title: t('assessment.publish'),
              content: t('assessment.publishConfirm', { days: settings.data?.appealDays ?? 3 }),
              onOk: () => runSheetAction(publish.mutateAsync(id), t('assessment.published')),
            })
          }
        >
          {t('assessment.publish')}
        </Button>
      ) : null}
      {can('finalize') ? (
        <Button
          type="primary"
          icon={<LockOutlined />}
          loading={busy}
          onClick={() =>
            Modal.confirm({
              title: t('assessment.finalize'),
              content: t('assessment.finalizeConfirm'),
              onOk: () => runSheetAction(finalize.mutateAsync(id), t('assessment.finalized')),
            })
          }
        >
          {t('assessment.finalize')}
        </Button>
      ) : null}
      {can('revise') ? <Button onClick={onRevise}>{t('assessment.revise')}</Button> : null}
      <Link to={`/assessment/sheets/${id}/print`}>
        <Button icon={<PrinterOutlined />}>{t('assessment.print')}</Button>
      </Link>
      <Button icon={<FileExcelOutlined />} href={assessmentApi.exportHref(id)}>
        {t('assessment.exportExcel')}
      </Button>
      <AuditHistoryButton entity="assessment" id={id} />
    </>
  );
}
