import { Card, Col, Descriptions, Row } from 'antd';
import { useNavigate } from 'react-router';
import { usePositions } from '../../api/staff.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

export function PositionsPage() {
  const { t } = useI18n();
  const positions = usePositions();
  const navigate = useNavigate();
  return (
    <div>
      <PageHeader title={t('staff.positions')} />
      <QueryState query={positions}>
        {(list) => (
          <Row gutter={[16, 16]}>
            {list.map((p) => (
              <Col key={p.id} xs={24} md={12} xl={8}>
                <Card
                  hoverable
                  title={p.name}
                  onClick={() => navigate(`/staff/positions/${p.id}`)}
                  data-testid={`position-${p.code}`}
                >
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('staff.positionDoc.level')}>
                      {p.level ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('staff.positionDoc.superior')}>
                      {p.superior ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('staff.positionDoc.jobFamily')}>
                      {p.jobFamily ?? '—'}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </div>
  );
}
