import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Image, Rate, Space, Tag, Typography, Upload } from 'antd';
import { useParams } from 'react-router';
import { type TRepairDetail, useRepair, useUploadRepairPhoto } from '../../api/servicedesk.ts';
import { showError } from '../../components/errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { useRepairActions } from './recordActions.tsx';
import { OverdueTag, RecordBody, RecordHeader, StatusTag } from './shared.tsx';

/** 报修单: the order, its photos and its history; the allowed moves as buttons */
export function RepairDetailPage() {
  const { id } = useParams();
  const query = useRepair(Number(id));
  return <QueryState query={query}>{(r) => <RepairDetail r={r} />}</QueryState>;
}

function RepairDetail({ r }: { r: TRepairDetail }) {
  const { t } = useI18n();
  const actions = useRepairActions();
  return (
    <div>
      <RecordHeader
        back="/servicedesk/repairs"
        title={`${t('servicedesk.repair')} ${r.code}`}
        tags={
          <>
            <StatusTag status={r.status} />
            <OverdueTag overdue={r.dispatchOverdue || r.completeOverdue} />
          </>
        }
        extra={actions.buttons(r, r.actions)}
      />
      <RecordBody timeline={r.timeline}>
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
        <RepairPhotos r={r} />
      </RecordBody>
      {actions.dialog}
    </div>
  );
}

/** 照片: the report's and the completion's photos; one added while the order waits for dispatch belongs to the report, later to the completion */
function RepairPhotos({ r }: { r: TRepairDetail }) {
  const { t } = useI18n();
  const upload = useUploadRepairPhoto();
  return (
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
              await upload.mutateAsync({
                id: r.id,
                file: file as File,
                stage: r.status === 'submitted' ? 'report' : 'completion',
              });
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
  );
}
