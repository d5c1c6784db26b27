import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, type FormInstance, Modal, message, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n.tsx';
import { showError } from './errors.ts';

interface FormModalProps<V> {
  title: ReactNode;
  initialValues?: Partial<V>;
  /**
   * Saves the form's values; a thrown ApiError's field errors appear beside their fields. When the
   * record has a `version` (initialValues.version, optimistic locking), it is in the values.
   */
  onSubmit(values: V): Promise<unknown>;
  /** The form's values of a record as the server answers it (a stale edit's current record); as is by default */
  toValues?: (current: never) => Partial<V>;
  /** Query keys to refetch after a save */
  invalidate?: (readonly unknown[])[];
  onClose(): void;
  width?: number;
  /** the OK button's text; 保存 by default */
  okText?: ReactNode;
  /** the Cancel button's text (an irreversible move says 不，保持原样: "取消" would read as the move itself) */
  cancelText?: ReactNode;
  /** no "saved" message (an action dialog: the record's new state says it) */
  quiet?: boolean;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

interface Stale {
  message: string;
  current: { version?: number } & Record<string, unknown>;
}

/**
 * The edit dialog every list uses: validates, saves, shows server field errors beside their
 * fields, refreshes the lists, says "saved" — so pages only declare their fields. A record opened
 * with a version is saved with it; if someone else saved first (409 STALE_EDIT) the dialog stays
 * open with what the user typed, says who changed it and when, and offers to load the current
 * values or to save these over them.
 */
export function FormModal<V extends object>({
  title,
  initialValues,
  onSubmit,
  toValues,
  invalidate = [],
  onClose,
  width,
  okText,
  cancelText,
  quiet = false,
  children,
}: FormModalProps<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState<number | undefined>(
    (initialValues as { version?: number } | undefined)?.version,
  );
  const [stale, setStale] = useState<Stale | null>(null);
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      confirmLoading={saving}
      okText={okText ?? t('common.save')}
      cancelText={cancelText}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          await onSubmit(version === undefined ? values : { ...values, version });
          if (!quiet) message.success(t('common.saved'));
          await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
          onClose();
        } catch (e) {
          if (e instanceof ApiError && e.code === 'STALE_EDIT' && e.current) {
            setStale({ message: e.message, current: e.current as Stale['current'] });
            await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
          } else showError(e, form);
        } finally {
          setSaving(false);
        }
      }}
    >
      {stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="stale-edit"
          message={stale.message}
          description={
            <Space wrap>
              <Button
                size="small"
                onClick={() => {
                  const current = stale.current;
                  form.setFieldsValue((toValues ? toValues(current as never) : current) as never);
                  setVersion(current.version);
                  setStale(null);
                }}
              >
                {t('common.staleLoad')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setVersion(stale.current.version);
                  setStale(null);
                }}
              >
                {t('common.staleKeep')}
              </Button>
            </Space>
          }
        />
      ) : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
