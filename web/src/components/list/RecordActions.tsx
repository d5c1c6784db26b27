/**
 * A record's state-machine buttons and the one dialog they open. The server says which
 * actions the caller may take now (`actions` on the record, from the module's transition
 * table); the page declares, per action, the form it asks for. An action without fields runs
 * at once (a list's row buttons); with fields it opens the dialog, whose field errors from
 * the server land beside the fields.
 *
 *   const actions = useRecordActions<TRepairDetail>({
 *     forms: { complete: { fields: [{ kind: 'textarea', name: 'result', label: …, required: true }] } },
 *     label: (a) => t(`servicedesk.actions.${a}`),
 *     title: (a, r) => `${t(`servicedesk.actions.${a}`)} · ${r.code}`,
 *     run: (r, action, body) => act.mutateAsync({ id: r.id, action, body }),
 *   });
 *   <PageHeader extra={actions.buttons(record, record.actions)} />
 *   {actions.dialog}
 */
import { Alert, Button, type ButtonProps, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { showError } from '../errors.ts';
import { FormModal } from '../FormModal.tsx';
import { type FieldRow, FormFields } from './FormFields.tsx';

export interface ActionForm<T> {
  fields?: FieldRow[] | ((record: T) => FieldRow[]);
  initialValues?: (record: T) => Record<string, unknown>;
  /** how its button looks */
  button?: Pick<ButtonProps, 'type' | 'danger'>;
  /**
   * An irreversible move: its consequence in words. Without fields it is asked first (cancel does nothing);
   * with fields it heads the dialog.
   */
  confirm?: (record: T) => ReactNode;
}

export interface RecordActionsConfig<T> {
  forms: Partial<Record<string, ActionForm<T>>>;
  /** the button's (and, with okText 'action', the dialog's OK button's) text */
  label(action: string): ReactNode;
  title(action: string, record: T): ReactNode;
  run(record: T, action: string, values: Record<string, unknown>): Promise<unknown>;
  /** the dialog's OK button: the action's name, or 确定 (OK) */
  okText?: 'action' | 'default';
  /** data-testid of a button: `${testIdPrefix}${action}` */
  testIdPrefix?: string;
}

interface Open<T> {
  record: T;
  action: string;
}

export interface RecordActions<T> {
  /** the buttons of these allowed actions of a record */
  buttons(record: T, actions: readonly string[], props?: ButtonProps): ReactNode[];
  /** the open dialog, if any: render it once in the page */
  dialog: ReactNode;
}

export function useRecordActions<T>(config: RecordActionsConfig<T>): RecordActions<T> {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open<T> | null>(null);
  const fieldsOf = (record: T, action: string) => {
    const f = config.forms[action]?.fields;
    return typeof f === 'function' ? f(record) : (f ?? []);
  };
  const start = async (record: T, action: string) => {
    if (fieldsOf(record, action).length) return setOpen({ record, action });
    const consequence = config.forms[action]?.confirm?.(record);
    if (consequence) {
      Modal.confirm({
        title: config.title(action, record),
        content: consequence,
        // "取消" would name both buttons of a task's cancel: the answers are 确定 / 不，保持原样
        okText: t('common.confirm'),
        cancelText: t('common.keepAsIs'),
        okButtonProps: { danger: config.forms[action]?.button?.danger, 'data-testid': 'confirm-ok' } as never,
        cancelButtonProps: { 'data-testid': 'confirm-cancel' } as never,
        onOk: () => config.run(record, action, {}).catch((e) => showError(e)),
      });
      return;
    }
    try {
      await config.run(record, action, {});
    } catch (e) {
      showError(e);
    }
  };
  const buttons = (record: T, actions: readonly string[], props: ButtonProps = {}) =>
    actions.map((a) => (
      <Button
        key={a}
        {...config.forms[a]?.button}
        {...props}
        onClick={(e) => {
          e.stopPropagation();
          void start(record, a);
        }}
        data-testid={config.testIdPrefix ? `${config.testIdPrefix}${a}` : undefined}
      >
        {config.label(a)}
      </Button>
    ));
  const dialog = open ? (
    <ActionDialog
      title={config.title(open.action, open.record)}
      okText={config.okText === 'action' ? config.label(open.action) : t('common.confirm')}
      fields={fieldsOf(open.record, open.action)}
      notice={config.forms[open.action]?.confirm?.(open.record)}
      initialValues={config.forms[open.action]?.initialValues?.(open.record)}
      onSubmit={(values) => config.run(open.record, open.action, values)}
      onClose={() => setOpen(null)}
    />
  ) : null;
  return { buttons, dialog };
}

interface ActionDialogProps {
  title: ReactNode;
  /** an irreversible move's consequence, above the fields */
  notice?: ReactNode;
  okText: ReactNode;
  fields: FieldRow[];
  initialValues?: Record<string, unknown>;
  onSubmit(values: Record<string, unknown>): Promise<unknown>;
  onClose(): void;
}

/** The dialog of one action: its fields, then the move; closes when the server accepted it. */
export function ActionDialog({
  title,
  notice,
  okText,
  fields,
  initialValues,
  onSubmit,
  onClose,
}: ActionDialogProps) {
  return (
    <FormModal<Record<string, unknown>>
      title={title}
      okText={okText}
      quiet
      initialValues={initialValues}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      {notice ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={notice}
          data-testid="action-consequence"
        />
      ) : null}
      <FormFields rows={fields} />
    </FormModal>
  );
}
