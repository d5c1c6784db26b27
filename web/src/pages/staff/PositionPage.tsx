import { PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, message, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useAccess } from '../../access.ts';
import { type Position, staffApi } from '../../api/staff.ts';
import { AuditHistoryButton } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
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
  const { t } = useI18n();
  const { id } = useParams();
  const access = useAccess();
  const query = useQuery({ queryKey: ['position', id], queryFn: () => staffApi.position(Number(id)) });
  const [editing, setEditing] = useState(false);
  const p = query.data;
  if (!p) return <Skeleton active />;
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
  const queryClient = useQueryClient();
  return (
    <Modal
      open
      width={800}
      title={t('common.edit')}
      onCancel={onClose}
      okText={t('common.save')}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          await staffApi.savePosition(position.id, values);
          message.success(t('common.saved'));
          await queryClient.invalidateQueries({ queryKey: ['position'] });
          await queryClient.invalidateQueries({ queryKey: ['positions'] });
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
