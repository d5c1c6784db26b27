import { Button, Card, Form, Input, List, message, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  SATISFACTIONS,
  type Satisfaction,
} from '../../../../server/modules/complaint/complaint.constants.ts';
import { useMe } from '../../api/auth.ts';
import {
  type TComplaintDetail,
  useComplaint,
  useComplaintAction,
  useComplaintCategories,
  useCreateComplaint,
  useMyComplaints,
} from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { StatusTag } from '../servicedesk/shared.tsx';

/** 我的投诉 on the portal home */
export function PortalComplaintList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useMyComplaints();
  return (
    <Card size="small" title={t('servicedesk.portal.myComplaints')}>
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '—' }}
        renderItem={(k) => (
          <List.Item onClick={() => navigate(`/portal/complaints/${k.id}`)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={`${k.categoryName} · ${k.content}`}
              description={formatDateTime(k.createdAt)}
            />
            <StatusTag status={k.status} group="complaintStatuses" />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function PortalComplaintNew() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const categories = useComplaintCategories();
  const create = useCreateComplaint();
  const [form] = Form.useForm();
  return (
    <Card title={t('servicedesk.portal.complain')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            const k = await create.mutateAsync({ ...v, projectId: me.data?.projectIds[0] });
            message.success(t('servicedesk.portal.submitted'));
            navigate(`/portal/complaints/${k.id}`);
          } catch (e) {
            showError(e, form);
          }
        }}
      >
        <Form.Item name="categoryId" label={t('servicedesk.category')} rules={[{ required: true }]}>
          <Select size="large" options={categories.data?.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="content" label={t('servicedesk.content')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={5} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large">
          {t('servicedesk.portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function PortalComplaintDetail() {
  const { id } = useParams();
  const q = useComplaint(Number(id));
  return <QueryState query={q}>{(k) => <PortalComplaint k={k} />}</QueryState>;
}

function PortalComplaint({ k }: { k: TComplaintDetail }) {
  const { t } = useI18n();
  const complaintAction = useComplaintAction();
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`${k.code} · ${k.categoryName}`}
        extra={<StatusTag status={k.status} group="complaintStatuses" />}
      >
        <Typography.Paragraph>{k.content}</Typography.Paragraph>
        <List
          size="small"
          dataSource={k.records}
          renderItem={(r) => (
            <List.Item>
              {r.note} · {formatDateTime(r.at)}
            </List.Item>
          )}
        />
        {k.resolution ? <Result status="success" subTitle={k.resolution} /> : null}
      </Card>
      {k.actions.includes('visit') ? (
        <Card title={t('servicedesk.satisfaction')}>
          <Select
            size="large"
            style={{ width: '100%' }}
            value={satisfaction}
            onChange={setSatisfaction}
            options={SATISFACTIONS.map((s) => ({
              value: s,
              label: t(`servicedesk.satisfactions.${s}`),
            }))}
          />
          <Button
            type="primary"
            block
            size="large"
            style={{ marginTop: 12 }}
            onClick={async () => {
              try {
                await complaintAction.mutateAsync({ id: k.id, action: 'visit', body: { satisfaction } });
              } catch (e) {
                showError(e);
              }
            }}
          >
            {t('servicedesk.portal.submit')}
          </Button>
        </Card>
      ) : null}
    </Space>
  );
}
