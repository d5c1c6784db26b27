import { CameraOutlined, CommentOutlined, ToolOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Form,
  Image,
  Input,
  List,
  message,
  Rate,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useMyUnits } from '../../api/property.ts';
import {
  type TRepairDetail,
  useCreateRepair,
  useMyRepairs,
  useRepair,
  useRepairAction,
  useRepairCategories,
  useUploadRepairPhoto,
} from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { StatusTag } from '../servicedesk/shared.tsx';
import { PortalComplaintList } from './PortalComplaints.tsx';

/** The portal home's service desk cards: report, complain, and follow one's own */
export function PortalServiceCards() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const big = { height: 72, fontSize: 16 };
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} size={12}>
      <Space.Compact block>
        <Button
          type="primary"
          icon={<ToolOutlined />}
          style={{ ...big, width: '50%' }}
          onClick={() => navigate('/portal/repairs/new')}
        >
          {t('servicedesk.portal.report')}
        </Button>
        <Button
          icon={<CommentOutlined />}
          style={{ ...big, width: '50%' }}
          onClick={() => navigate('/portal/complaints/new')}
        >
          {t('servicedesk.portal.complain')}
        </Button>
      </Space.Compact>
      <PortalRepairList />
      <PortalComplaintList />
    </Space>
  );
}

function PortalRepairList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useMyRepairs();
  return (
    <Card size="small" title={t('servicedesk.portal.myRepairs')}>
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '—' }}
        renderItem={(r) => (
          <List.Item
            onClick={() => navigate(`/portal/repairs/${r.id}`)}
            style={{ cursor: 'pointer' }}
            data-testid="portal-repair"
          >
            <List.Item.Meta
              title={`${r.categoryName} · ${r.location}`}
              description={formatDateTime(r.createdAt)}
            />
            <StatusTag status={r.status} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 我要报修: a phone-sized form with photos */
export function PortalRepairNew() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const categories = useRepairCategories();
  const create = useCreateRepair();
  const upload = useUploadRepairPhoto();
  const units = useMyUnits();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  return (
    <Card title={t('servicedesk.portal.report')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setSaving(true);
          try {
            const unit = units.data?.find((u) => u.id === v.unitId);
            const r = await create.mutateAsync({
              ...v,
              projectId: unit?.projectId ?? me.data?.projectIds[0],
              buildingId: unit?.buildingId ?? null,
            });
            for (const f of files) await upload.mutateAsync({ id: r.id, file: f.originFileObj as File });
            message.success(t('servicedesk.portal.submitted'));
            navigate(`/portal/repairs/${r.id}`);
          } catch (e) {
            showError(e, form);
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="categoryId" label={t('servicedesk.category')} rules={[{ required: true }]}>
          <Select
            size="large"
            data-testid="portal-category"
            options={categories.data?.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        {units.data?.length ? (
          <Form.Item name="unitId" label={t('servicedesk.myUnit')}>
            <Select
              size="large"
              allowClear
              options={units.data.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.roomNo}` }))}
              onChange={(id) => {
                const u = units.data?.find((x) => x.id === id);
                if (u && !form.getFieldValue('location'))
                  form.setFieldValue('location', `${u.buildingName}${u.roomNo}`);
              }}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="location" label={t('servicedesk.portal.where')} rules={[{ required: true }]}>
          <Input size="large" maxLength={100} placeholder="3栋2单元501 卫生间" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('servicedesk.portal.what')}
          rules={[{ required: true, min: 2 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
        <PhotoPicker files={files} onChange={setFiles} />
        <Button type="primary" htmlType="submit" block size="large" loading={saving}>
          {t('servicedesk.portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** up to 6 photos, kept in the browser until the order exists */
function PhotoPicker({ files, onChange }: { files: UploadFile[]; onChange(files: UploadFile[]): void }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('servicedesk.photos')} extra={t('servicedesk.photoHint')}>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        fileList={files}
        beforeUpload={() => false}
        onChange={({ fileList }) => onChange(fileList.slice(0, 6))}
      >
        {files.length < 6 ? <CameraOutlined style={{ fontSize: 24 }} /> : null}
      </Upload>
    </Form.Item>
  );
}

/** Follow one repair; rate it at the follow-up (回访) or ask for it to be redone */
export function PortalRepairDetail() {
  const { id } = useParams();
  const q = useRepair(Number(id));
  return <QueryState query={q}>{(r) => <PortalRepair r={r} />}</QueryState>;
}

function PortalRepair({ r }: { r: TRepairDetail }) {
  const { t } = useI18n();
  const repairAction = useRepairAction();
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const act = async (action: string, body: { rating?: number; comment?: string }) => {
    try {
      await repairAction.mutateAsync({ id: r.id, action, body });
      if (action === 'visit') message.success(t('servicedesk.portal.rateDone'));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={`${r.code} · ${r.categoryName}`} extra={<StatusTag status={r.status} />}>
        <Typography.Paragraph>{r.location}</Typography.Paragraph>
        <Typography.Paragraph>{r.description}</Typography.Paragraph>
        <Space wrap>
          {r.photos.map((p) => (
            <Image key={p.id} src={p.url} width={96} height={72} style={{ objectFit: 'cover' }} />
          ))}
        </Space>
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={r.timeline}
          renderItem={(e) => (
            <List.Item>
              {t(`servicedesk.actions.${e.action}`)} · {formatDateTime(e.at)}
            </List.Item>
          )}
        />
        {r.result ? (
          <Typography.Paragraph>
            {t('servicedesk.result')}：{r.result}
          </Typography.Paragraph>
        ) : null}
        {r.rating ? <Rate disabled value={r.rating} /> : null}
      </Card>
      {r.actions.includes('visit') ? (
        <Card title={t('servicedesk.portal.rate')}>
          <Rate value={rating} onChange={setRating} style={{ fontSize: 32 }} data-testid="portal-rating" />
          <Input.TextArea
            rows={2}
            style={{ marginTop: 12 }}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={500}
            placeholder={t('servicedesk.comment')}
          />
          <Button
            type="primary"
            block
            size="large"
            style={{ marginTop: 12 }}
            onClick={() => act('visit', { rating, comment: comment || undefined })}
          >
            {t('servicedesk.portal.submit')}
          </Button>
          {r.actions.includes('reopen') ? (
            <Button
              block
              danger
              style={{ marginTop: 8 }}
              onClick={() => act('reopen', { comment: comment || undefined })}
            >
              {t('servicedesk.portal.notSatisfied')}
            </Button>
          ) : null}
        </Card>
      ) : null}
      {r.actions.includes('cancel') ? (
        <Button block onClick={() => act('cancel', {})}>
          {t('servicedesk.actions.cancel')}
        </Button>
      ) : null}
    </Space>
  );
}

export { PortalComplaintDetail, PortalComplaintNew } from './PortalComplaints.tsx';
