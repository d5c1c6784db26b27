import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type ComplaintDetail, sdApi } from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';
import { OverdueTag, RecordTimeline, StatusTag, useProjectEmployees } from './shared.tsx';

const SATISFACTIONS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'];

function ComplaintActionModal({
  k,
  action,
  onClose,
}: {
  k: ComplaintDetail;
  action: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const employees = useProjectEmployees(k.projectId);
  return (
    <Modal
      open
      title={`${t(`servicedesk.actions.${action}`)} · ${k.code}`}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          if (action === 'markImproper') await sdApi.markImproper(k.id, values.reason);
          else await sdApi.complaintAction(k.id, action, values);
          await queryClient.invalidateQueries({ queryKey: ['complaint', k.id] });
          await queryClient.invalidateQueries({ queryKey: ['complaints'] });
          onClose();
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form form={form} layout="vertical">
        {action === 'assign' ? (
          <Form.Item name="handlerEmployeeId" label={t('servicedesk.handler')} rules={[{ required: true }]}>
            <Select options={employees.data?.items.map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
        ) : null}
        {action === 'record' || action === 'assign' ? (
          <Form.Item name="note" label={t('servicedesk.note')} rules={[{ required: action === 'record' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
        {action === 'resolve' ? (
          <Form.Item name="resolution" label={t('servicedesk.resolution')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
        {action === 'visit' ? (
          <Form.Item name="satisfaction" label={t('servicedesk.satisfaction')} rules={[{ required: true }]}>
            <Select
              options={SATISFACTIONS.map((s) => ({ value: s, label: t(`servicedesk.satisfactions.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        {action === 'markImproper' ? (
          <Form.Item
            name="reason"
            label={t('servicedesk.improperReason')}
            rules={[{ required: true, min: 2 }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
        {['visit', 'reopen', 'cancel', 'close'].includes(action) ? (
          <Form.Item name="comment" label={t('servicedesk.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export function ComplaintDetailPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['complaint', Number(id)], queryFn: () => sdApi.complaint(Number(id)) });
  const [action, setAction] = useState<string | null>(null);
  const k = query.data;
  if (!k)
    return query.isError ? (
      <Typography.Text type="danger">{(query.error as Error).message}</Typography.Text>
    ) : null;
  const buttons = [...k.actions, ...(k.canMarkImproper ? ['markImproper'] : [])];
  return (
    <div>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/servicedesk/complaints')}
            />
            {t('servicedesk.complaint')} {k.code}
            <StatusTag status={k.status} group="complaintStatuses" />
            <OverdueTag overdue={k.overdue} />
          </Space>
        }
        extra={buttons.map((a) => (
          <Button
            key={a}
            danger={a === 'markImproper' || a === 'cancel'}
            type={a === 'resolve' || a === 'assign' ? 'primary' : 'default'}
            onClick={() => setAction(a)}
          >
            {a === 'reopen' ? t('servicedesk.complaintReopen') : t(`servicedesk.actions.${a}`)}
          </Button>
        ))}
      />
      {k.improper ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('servicedesk.improper')}：${k.improperReason}`}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('common.project')}>{k.projectName}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.complainant')}>
                {k.complainantName} {k.complainantPhone ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.category')}>{k.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.channel')}>
                {t(`servicedesk.channels.${k.channel}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.receivedAt')}>
                {formatDateTime(k.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.responseDue')}>
                {formatDateTime(k.responseDueAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.handler')}>{k.handlerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.satisfaction')}>
                {k.satisfaction ? t(`servicedesk.satisfactions.${k.satisfaction}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.content')} span={2}>
                {k.content}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.resolution')} span={2}>
                {k.resolution ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('servicedesk.records')} style={{ marginTop: 16 }}>
            <Timeline
              items={k.records.map((r) => ({
                key: r.id,
                children: (
                  <div>
                    {r.note}
                    <div style={{ color: '#888' }}>
                      {r.userName} · {formatDateTime(r.at)}
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('servicedesk.timeline')}>
            <RecordTimeline entries={k.timeline} />
          </Card>
        </Col>
      </Row>
      {action ? <ComplaintActionModal k={k} action={action} onClose={() => setAction(null)} /> : null}
    </div>
  );
}
