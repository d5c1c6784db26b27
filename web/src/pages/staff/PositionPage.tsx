import { PrinterOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, message, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useAccess } from '../../access.ts';
import { type Position, usePosition, useSavePosition } from '../../api/staff.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

const LONG_FIELDS = [
  'characteristics',
  'authorities',
  'qualifications',
  'responsibilities',
  'workNorms',
  'workflow',
] as const;

/** The 岗位说明书 as the document lays it out: a bordered two-column table, printable. */
export function PositionPage() {
  const { id } = useParams();
  const query = usePosition(Number(id));
  return <QueryState query={query}>{(p) => <PositionDocument p={p} />}</QueryState>;
}

function PositionDocument({ p }: { p: Position }) {
  const { t } = useI18n();
  const access = useAccess();
  const [editing, setEditing] = useState(false);
  const doc = (k: string) => t(`staff.positionDoc.${k}`);
  return (
    <div>
      <PageHeader
        title={`${p.name} · ${doc('title')}`}
        extra={
          <>
            {access.canEditPositions ? (
              <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            ) : null}
            <AuditHistoryButton entity="position" id={p.id} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('common.print')}
            </Button>
          </>
        }
      />
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {doc('title')}
      </Typography.Title>
      <table className="doc-table" data-testid="position-doc">
        <tbody>
          <tr>
            <th>{doc('name')}</th>
            <td>{p.name}</td>
            <th>{doc('level')}</th>
            <td>{p.level}</td>
          </tr>
          <tr>
            <th>{doc('superior')}</th>
            <td>{p.superior}</td>
            <th>{doc('jobFamily')}</th>
            <td>{p.jobFamily}</td>
          </tr>
          {LONG_FIELDS.map((k) =>
            p[k] ? (
              <tr key={k}>
                <th>{doc(k)}</th>
                <td colSpan={3}>{p[k]}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      {editing ? <PositionForm position={p} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

function PositionForm({ position, onClose }: { position: Position; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const save = useSavePosition();
  return (
    <Modal
      open
      width={800}
      title={t('common.edit')}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          await save.mutateAsync({ id: position.id, body: values });
          message.success(t('common.saved'));
          onClose();
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={position}>
        <Form.Item name="code" label={t('staff.positionDoc.code')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('staff.positionDoc.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {(['level', 'superior', 'jobFamily'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`staff.positionDoc.${k}`)}>
            <Input />
          </Form.Item>
        ))}
        {LONG_FIELDS.map((k) => (
          <Form.Item key={k} name={k} label={t(`staff.positionDoc.${k}`)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
