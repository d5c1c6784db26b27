import { useQueryClient } from '@tanstack/react-query';
import { Form, type FormInstance, Modal, message } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { showError } from './errors.ts';

interface FormModalProps<V> {
  title: ReactNode;
  initialValues?: Partial<V>;
  /** Saves the form's values; a thrown ApiError's field errors appear beside their fields */
  onSubmit(values: V): Promise<unknown>;
  /** Query keys to refetch after a save */
  invalidate?: (readonly unknown[])[];
  onClose(): void;
  width?: number;
  /** the OK button's text; 保存 by default */
  okText?: ReactNode;
  /** no "saved" message (an action dialog: the record's new state says it) */
  quiet?: boolean;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * The edit dialog every list uses: validates, saves, shows server field errors beside their
 * fields, refreshes the lists, says "saved" — so pages only declare their fields.
 */
export function FormModal<V extends object>({
  title,
  initialValues,
  onSubmit,
  invalidate = [],
  onClose,
  width,
  okText,
  quiet = false,
  children,
}: FormModalProps<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      confirmLoading={saving}
      okText={okText ?? t('common.save')}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          await onSubmit(values);
          if (!quiet) message.success(t('common.saved'));
          await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
          onClose();
        } catch (e) {
          showError(e, form);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
