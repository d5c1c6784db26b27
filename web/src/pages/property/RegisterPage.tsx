import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Input,
  Row,
  Select,
  Space,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import {
  type BuildingUnits,
  formatArea,
  type OwnerListItem,
  type OwnerQuery,
  propertyApi,
  propertyKeys,
  STATUS_COLOR,
  STATUS_TAG,
  type StatusCounts,
  UNIT_STATUSES,
  type UnitListItem,
  type UnitQuery,
  type UnitStatus,
  useBuildingUnits,
  useTree,
} from '../../api/property.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { EmptyState, QueryError, QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { RegisterCreateMenu } from './RegisterEditors.tsx';

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

function CountsText({ counts }: { counts: StatusCounts }) {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t('property.counts', { ...counts })}</Typography.Text>;
}

/** The units of one building as a grid: a row per floor, top floor first, coloured by status. */
function BuildingGrid({ buildingId }: { buildingId: number }) {
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

export function RegisterPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [params, setParams] = useSearchParams();
  const projectId = Number(params.get('projectId')) || projects.data?.[0]?.id;
  const buildingId = Number(params.get('buildingId')) || undefined;
  const tree = useTree(projectId);
  const { isOfficer, canImportProperty: canImport } = useAccess();
  const [onlyMine, setOnlyMine] = useState(true);
  const [unitFilter, setUnitFilter] = useState<{ q?: string; status?: UnitStatus }>({});
  const [ownerQ, setOwnerQ] = useState<string>();
  const scope: 'area' | 'all' = isOfficer && onlyMine ? 'area' : 'all';

  const select = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const treeData = (tree.data?.sections ?? []).map((s) => ({
    key: `s${s.id}`,
    selectable: false,
    title: (
      <span>
        {s.name} <Typography.Text type="secondary">({s.counts.total})</Typography.Text>
      </span>
    ),
    children: s.buildings
      .filter((b) => !isOfficer || !onlyMine || b.mine)
      .map((b) => ({
        key: `b${b.id}`,
        title: (
          <span data-testid={`tree-building-${b.name}`}>
            {b.name} <Typography.Text type="secondary">({b.counts.total})</Typography.Text>
            {b.mine ? (
              <Tag color="blue" style={{ marginLeft: 4 }}>
                {t('property.myArea')}
              </Tag>
            ) : null}
            <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
              {b.officerName ?? ''}
            </Typography.Text>
          </span>
        ),
      })),
  }));

  const filterQuery: UnitQuery = { projectId, buildingId, scope, ...unitFilter };
  const ownerQuery: OwnerQuery = { projectId, buildingId, scope, q: ownerQ };

  return (
    <div>
      <PageHeader
        title={t('property.register')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={propertyApi.templateHref()}>
              {t('property.template')}
            </Button>
            {canImport && projectId ? (
              <RegisterCreateMenu projectId={projectId} tree={tree.data} buildingId={buildingId} />
            ) : null}
            {canImport ? (
              <Link to="/property/import">
                <Button icon={<UploadOutlined />}>{t('property.importButton')}</Button>
              </Link>
            ) : null}
          </>
        }
      >
        <Space wrap>
          <ProjectSelect
            style={{ width: 180 }}
            value={projectId}
            onChange={(v) => select({ projectId: v, buildingId: undefined })}
          />
          {tree.data ? <CountsText counts={tree.data.counts} /> : null}
          {isOfficer ? (
            <Checkbox checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)}>
              {t('property.scopeArea')}
            </Checkbox>
          ) : null}
        </Space>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} md={7} lg={6}>
          <Card size="small" title={t('property.building')} loading={tree.isLoading}>
            {tree.isError ? <QueryError error={tree.error} onRetry={() => void tree.refetch()} /> : null}
            {tree.data && !treeData.length ? <EmptyState /> : null}
            <Tree
              defaultExpandAll
              key={`${projectId}-${onlyMine}`}
              selectedKeys={buildingId ? [`b${buildingId}`] : []}
              treeData={treeData}
              onSelect={(keys) => {
                const key = String(keys[0] ?? '');
                if (key.startsWith('b')) select({ buildingId: Number(key.slice(1)) });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Tabs
            items={[
              {
                key: 'grid',
                label: t('property.tabs.grid'),
                children: buildingId ? (
                  <BuildingGrid buildingId={buildingId} />
                ) : (
                  <EmptyState description={t('property.pickBuilding')} />
                ),
              },
              {
                key: 'units',
                label: t('property.tabs.units'),
                children: (
                  <>
                    <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
                      <Space wrap>
                        <Input.Search
                          allowClear
                          data-testid="unit-search"
                          placeholder={t('property.searchPlaceholder')}
                          style={{ width: 240 }}
                          onSearch={(q) => setUnitFilter((f) => ({ ...f, q: q || undefined }))}
                        />
                        <Select
                          allowClear
                          placeholder={t('common.status')}
                          style={{ width: 120 }}
                          options={UNIT_STATUSES.map((s) => ({
                            value: s,
                            label: t(`property.statuses.${s}`),
                          }))}
                          onChange={(status) => setUnitFilter((f) => ({ ...f, status }))}
                        />
                      </Space>
                      {projectId ? (
                        <Button icon={<DownloadOutlined />} href={propertyApi.exportUnitsHref(filterQuery)}>
                          {t('property.exportUnits')}
                        </Button>
                      ) : null}
                    </Flex>
                    <PagedTable<UnitListItem>
                      queryKey={propertyKeys.units(filterQuery)}
                      fetch={(p) => propertyApi.units({ ...p, ...filterQuery })}
                      columns={[
                        { title: t('property.section'), dataIndex: 'sectionName' },
                        {
                          title: t('property.building'),
                          dataIndex: 'buildingName',
                          sorter: true,
                          key: 'building',
                        },
                        {
                          title: t('property.roomNo'),
                          dataIndex: 'roomNo',
                          sorter: true,
                          render: (v, row) => <Link to={`/property/units/${row.id}`}>{v}</Link>,
                        },
                        { title: t('property.floor'), dataIndex: 'floor', sorter: true },
                        { title: t('property.area'), dataIndex: 'areaCentiM2', render: (v) => formatArea(v) },
                        {
                          title: t('common.status'),
                          dataIndex: 'status',
                          render: (s: UnitStatus) => (
                            <Tag color={STATUS_TAG[s]}>{t(`property.statuses.${s}`)}</Tag>
                          ),
                        },
                        { title: t('property.mainContact'), dataIndex: 'mainName', render: (v) => v ?? '—' },
                        { title: t('property.phone'), dataIndex: 'mainPhone', render: (v) => v ?? '—' },
                        { title: t('property.moveInDate'), dataIndex: 'moveInDate', render: (v) => v ?? '—' },
                      ]}
                    />
                  </>
                ),
              },
              {
                key: 'owners',
                label: t('property.tabs.owners'),
                children: (
                  <>
                    <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
                      <Input.Search
                        allowClear
                        placeholder={t('property.searchPlaceholder')}
                        style={{ width: 240 }}
                        onSearch={(q) => setOwnerQ(q || undefined)}
                      />
                      {projectId ? (
                        <Button icon={<DownloadOutlined />} href={propertyApi.exportOwnersHref(ownerQuery)}>
                          {t('property.exportOwners')}
                        </Button>
                      ) : null}
                    </Flex>
                    <PagedTable<OwnerListItem>
                      queryKey={propertyKeys.owners(ownerQuery)}
                      fetch={(p) => propertyApi.owners({ ...p, ...ownerQuery })}
                      columns={[
                        { title: t('property.building'), dataIndex: 'buildingName' },
                        {
                          title: t('property.roomNo'),
                          dataIndex: 'roomNo',
                          sorter: true,
                          render: (v, row) => <Link to={`/property/units/${row.unitId}`}>{v}</Link>,
                        },
                        {
                          title: t('property.kind'),
                          dataIndex: 'kind',
                          render: (k) => t(`property.kinds.${k}`),
                        },
                        { title: t('staff.name'), dataIndex: 'name', sorter: true },
                        { title: t('property.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
                        { title: t('property.relation'), dataIndex: 'relation', render: (v) => v ?? '—' },
                        {
                          title: t('property.mainContact'),
                          dataIndex: 'isMainContact',
                          render: (v) => (v ? t('common.yes') : ''),
                        },
                      ]}
                    />
                  </>
                ),
              },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
