import { Card, Flex, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import {
  type BuildingUnits,
  formatArea,
  STATUS_COLOR,
  type StatusCounts,
  UNIT_STATUSES,
  useBuildingUnits,
} from '../../api/property.ts';
import { EmptyState, QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';

function Legend() {
  const { t } = useI18n();
  return (
    <Space size={12}>
      {UNIT_STATUSES.map((s) => (
        <Space key={s} size={4}>
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              borderRadius: 2,
              background: STATUS_COLOR[s],
            }}
          />
          {t(`property.statuses.${s}`)}
        </Space>
      ))}
    </Space>
  );
}

export function CountsText({ counts }: { counts: StatusCounts }) {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t('property.counts', { ...counts })}</Typography.Text>;
}

/** The units of one building as a grid: a row per floor, top floor first, coloured by status. */
export function BuildingGrid({ buildingId }: { buildingId: number }) {
  const query = useBuildingUnits(buildingId);
  return (
    <QueryState query={query} loading={<Card loading />}>
      {(building) => <BuildingFloors building={building} />}
    </QueryState>
  );
}

function BuildingFloors({ building }: { building: BuildingUnits }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const floors = useMemo(() => {
    const map = new Map<number, BuildingUnits['units']>();
    for (const u of building.units) map.set(u.floor, [...(map.get(u.floor) ?? []), u]);
    return [...map.entries()].sort((a, b) => b[0] - a[0]);
  }, [building]);
  return (
    <Card
      size="small"
      title={`${building.sectionName} · ${building.buildingName}`}
      extra={
        <Space>
          <span>
            {t('property.officer')}：{building.officerName ?? t('property.noOfficer')}
          </span>
          <Legend />
        </Space>
      }
    >
      <div data-testid="unit-grid" style={{ overflowX: 'auto' }}>
        {floors.map(([floor, units]) => (
          <Flex key={floor} gap={4} align="center" style={{ marginBottom: 4 }}>
            <div style={{ width: 56, flex: 'none', color: '#888', textAlign: 'right', paddingRight: 8 }}>
              {t('property.floorN', { floor })}
            </div>
            {units.map((u) => (
              <button
                type="button"
                key={u.id}
                data-testid={`unit-cell-${u.roomNo}`}
                title={`${u.roomNo} · ${t(`property.statuses.${u.status}`)} · ${formatArea(u.areaCentiM2)}㎡`}
                onClick={() => navigate(`/property/units/${u.id}`)}
                style={{
                  width: 64,
                  height: 30,
                  flex: 'none',
                  border: '1px solid rgba(0,0,0,0.08)',
                  borderRadius: 4,
                  cursor: 'pointer',
                  background: STATUS_COLOR[u.status],
                  color: u.status === 'vacant' ? '#333' : '#fff',
                  fontSize: 12,
                }}
              >
                {u.roomNo}
              </button>
            ))}
          </Flex>
        ))}
        {!floors.length ? <EmptyState /> : null}
      </div>
    </Card>
  );
}
