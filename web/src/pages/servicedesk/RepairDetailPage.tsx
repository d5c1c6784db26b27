import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Image,
  Input,
  Modal,
  Rate,
  Row,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type RepairDetail, sdApi } from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';
import { OverdueTag, RecordTimeline, StatusTag, useProjectEmployees } from './shared.tsx';

/** The form of one action: which fields it asks for */
function ActionModal({ repair, action, onClose }: { repair: RepairDetail; action: string; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const employees = useProjectEmployees(repair.projectId);
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open
      title={`${t(`servicedesk.actions.${action}`)} · ${repair.code}`}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t(`servicedesk.actions.${action}`)}
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          await sdApi.repairAction(repair.id, action, values);
          await queryClient.invalidateQueries({ queryKey: ['repair', repair.id] });
          await queryClient.invalidateQueries({ queryKey: ['repairs'] });
          onClose();
        } catch (e) {
          showError(e, form);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ department: repair.responsible }}>
        {action === 'dispatch' ? (
          <>
            <Form.Item name="assigneeEmployeeId" label={t('servicedesk.assignee')}>
              <Select
                allowClear
                data-testid="dispatch-assignee"
                options={employees.data?.items.map((e) => ({
                  value: e.id,
                  label: `${e.name}（${e.positionName ?? ''}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="department" label={t('servicedesk.department')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        ) : null}
        {action === 'complete' ? (
          <Form.Item name="result" label={t('servicedesk.result')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
        {action === 'visit' ? (
          <Form.Item name="rating" label={t('servicedesk.rating')} rules={[{ required: true }]}>
            <Rate />
          </Form.Item>
        ) : null}
        {['visit', 'reopen', 'cancel', 'close', 'start'].includes(action) ? (
          <Form.Item name="comment" label={t('servicedesk.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export function RepairDetailPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['repair', Number(id)], queryFn: () => sdApi.repair(Number(id)) });
  const [action, setAction] = useState<string | null>(null);
  const r = query.data;
  if (!r)
    return query.isError ? (
      <Typography.Text type="danger">{(query.error as Error).message}</Typography.Text>
    ) : null;
  return (
    <div>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/servicedesk/repairs')}
            />
            {t('servicedesk.repair')} {r.code}
            <StatusTag status={r.status} />
            <OverdueTag overdue={r.dispatchOverdue || r.completeOverdue} />
          </Space>
        }
        extra={r.actions.map((a) => (
          <Button
            key={a}
            type={a === 'dispatch' || a === 'complete' ? 'primary' : 'default'}
            danger={a === 'cancel'}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {t(`servicedesk.actions.${a}`)}
          </Button>
        ))}
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('common.project')}>{r.projectName}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.location')}>{r.location}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.reporter')}>
                {r.reporterName} {r.reporterPhone ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.channel')}>
                {t(`servicedesk.channels.${r.channel}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.category')}>{r.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.priority')}>
                {t(`servicedesk.priorities.${r.priority}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.createdAt')}>
                {formatDateTime(r.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.responsible')}>{r.responsible}</Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.dispatchDue')}>
                {formatDateTime(r.dispatchDueAt)}{' '}
                {r.dispatchOverdue ? <Tag color="red">{t('servicedesk.dispatchLate')}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.completeDue')}>
                {formatDateTime(r.completeDueAt)}{' '}
                {r.completeOverdue ? <Tag color="red">{t('servicedesk.completeLate')}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.assignee')}>
                {r.assigneeName ?? r.department ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.rating')}>
                {r.rating ? <Rate disabled value={r.rating} /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('servicedesk.description')} span={2}>
                {r.description}
              </Descriptions.Item>
              {r.result ? (
                <Descriptions.Item label={t('servicedesk.result')} span={2}>
                  {r.result}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={t('servicedesk.photos')}
            style={{ marginTop: 16 }}
            extra={
              <Upload
                accept="image/jpeg,image/png,image/webp"
                showUploadList={false}
                customRequest={async ({ file, onSuccess, onError }) => {
                  try {
                    await sdApi.uploadPhoto(
                      r.id,
                      file as File,
                      r.status === 'submitted' ? 'report' : 'completion',
                    );
                    await queryClient.invalidateQueries({ queryKey: ['repair', r.id] });
                    onSuccess?.({});
                  } catch (e) {
                    showError(e);
                    onError?.(e as Error);
                  }
                }}
              >
                <Button size="small" icon={<UploadOutlined />}>
                  {t('servicedesk.addPhoto')}
                </Button>
              </Upload>
            }
          >
            <Typography.Text type="secondary">{t('servicedesk.photoHint')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Image.PreviewGroup>
                <Space wrap>
                  {r.photos.map((p) => (
                    <Image key={p.id} src={p.url} width={120} height={90} style={{ objectFit: 'cover' }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('servicedesk.timeline')}>
            <RecordTimeline entries={r.timeline} />
          </Card>
        </Col>
      </Row>
      {action ? <ActionModal repair={r} action={action} onClose={() => setAction(null)} /> : null}
    </div>
  );
}
