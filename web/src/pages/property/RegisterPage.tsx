import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Row, Space, Tabs, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAccess } from '../../access.ts';
import { useProjects } from '../../api/project.ts';
import { propertyApi, useTree } from '../../api/property.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { EmptyState, QueryError } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n.tsx';
import { BuildingGrid, CountsText } from './BuildingGrid.tsx';
import { RegisterCreateMenu } from './RegisterEditors.tsx';
import { type ListBase, OwnersTab, UnitsTab } from './RegisterLists.tsx';

/** The project's sections and buildings (an officer's own marked, or alone); picking one opens its grid. */
function BuildingTree({
  tree,
  onlyMine,
  buildingId,
  onSelect,
}: {
  tree: ReturnType<typeof useTree>;
  onlyMine: boolean;
  buildingId?: number;
  onSelect(buildingId: number): void;
}) {
  const { t } = useI18n();
  const treeData = (tree.data?.sections ?? []).map((s) => ({
    key: `s${s.id}`,
    selectable: false,
    title: (
      <span>
        {s.name} <Typography.Text type="secondary">({s.counts.total})</Typography.Text>
      </span>
    ),
    children: s.buildings
      .filter((b) => !onlyMine || b.mine)
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
  return (
    <Card size="small" title={t('property.building')} loading={tree.isLoading}>
      {tree.isError ? <QueryError error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data && !treeData.length ? <EmptyState /> : null}
      <Tree
        defaultExpandAll
        key={`${tree.data?.projectId}-${onlyMine}`}
        selectedKeys={buildingId ? [`b${buildingId}`] : []}
        treeData={treeData}
        onSelect={(keys) => {
          const key = String(keys[0] ?? '');
          if (key.startsWith('b')) onSelect(Number(key.slice(1)));
        }}
      />
    </Card>
  );
}

/** 房屋档案: the register of one project — tree, floor grid, unit and people lists. */
export function RegisterPage() {
  const { t } = useI18n();
  const projects = useProjects();
  const [params, setParams] = useSearchParams();
  const projectId = Number(params.get('projectId')) || projects.data?.[0]?.id;
  const buildingId = Number(params.get('buildingId')) || undefined;
  const tree = useTree(projectId);
  const { isOfficer, canImportProperty: canImport } = useAccess();
  const [onlyMine, setOnlyMine] = useState(true);
  const scope: 'area' | 'all' = isOfficer && onlyMine ? 'area' : 'all';

  const select = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const base: ListBase = { projectId, buildingId, scope };

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
          <BuildingTree
            tree={tree}
            onlyMine={isOfficer && onlyMine}
            buildingId={buildingId}
            onSelect={(id) => select({ buildingId: id })}
          />
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
                children: <UnitsTab base={base} />,
              },
              {
                key: 'owners',
                label: t('property.tabs.owners'),
                children: <OwnersTab base={base} />,
              },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
