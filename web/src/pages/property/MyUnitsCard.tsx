import { Card, List, Space, Tag, Typography } from 'antd';
import { formatArea, STATUS_TAG, useMyUnits } from '../../api/property.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

/** The owner portal's "my units": only the units linked to the owner's account. */
export function MyUnitsCard() {
  const { t } = useI18n();
  const query = useMyUnits();
  return (
    <Card title={t('property.portal.myUnits')} data-testid="my-units">
      <QueryState query={query} empty={t('property.portal.none')}>
        {(units) => (
          <List
            dataSource={units}
            renderItem={(u) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space>
                    <Typography.Text strong>
                      {u.projectName} {u.buildingName} {u.roomNo}
                    </Typography.Text>
                    <Tag color={STATUS_TAG[u.status]}>{t(`property.statuses.${u.status}`)}</Tag>
                  </Space>
                  <Typography.Text type="secondary">
                    {t('property.area')} {formatArea(u.areaCentiM2)} · {t('property.officer')}{' '}
                    {u.officerName ?? '—'}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {u.people.map((p) => `${t(`property.kinds.${p.kind}`)} ${p.name}`).join('，')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
