import { Alert, Card, Descriptions, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { type TComplaintDetail, useComplaint } from '../../api/servicedesk.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { useComplaintActions } from './recordActions.tsx';
import { OverdueTag, RecordBody, RecordHeader, StatusTag } from './shared.tsx';

/** 投诉: the complaint, its handling records and history; the allowed moves as buttons */
export function ComplaintDetailPage() {
  const { id } = useParams();
  const query = useComplaint(Number(id));
  return <QueryState query={query}>{(k) => <ComplaintDetail k={k} />}</QueryState>;
}

function ComplaintDetail({ k }: { k: TComplaintDetail }) {
  const { t } = useI18n();
  const actions = useComplaintActions();
  // the manager's 处理不当 mark is not a move of the state machine: the server says whether it is open
  const allowed = [...k.actions, ...(k.canMarkImproper ? ['markImproper'] : [])];
  return (
    <div>
      <RecordHeader
        back="/servicedesk/complaints"
        title={`${t('servicedesk.complaint')} ${k.code}`}
        tags={
          <>
            <StatusTag status={k.status} group="complaintStatuses" />
            <OverdueTag overdue={k.overdue} />
          </>
        }
        extra={actions.buttons(k, allowed)}
      />
      {k.improper ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('servicedesk.improper')}：${k.improperReason}`}
        />
      ) : null}
      {k.duplicateOf ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="duplicate-of"
          message={
            <Link to={`/servicedesk/complaints/${k.duplicateOf.id}`}>
              {t('servicedesk.duplicateOfShort', { code: k.duplicateOf.code })}
            </Link>
          }
        />
      ) : null}
      <RecordBody timeline={k.timeline}>
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
      </RecordBody>
      {actions.dialog}
    </div>
  );
}
