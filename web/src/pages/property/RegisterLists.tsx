import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  formatArea,
  type OwnerListItem,
  type OwnerQuery,
  propertyApi,
  propertyKeys,
  STATUS_TAG,
  UNIT_STATUSES,
  type UnitListItem,
  type UnitQuery,
  type UnitStatus,
} from '../../api/property.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useI18n } from '../../i18n.tsx';

/** What both lists of the register are narrowed to: the project, the building picked in the tree, the scope. */
export interface ListBase {
  projectId?: number;
  buildingId?: number;
  /** an officer's own area, or the whole project */
  scope: 'area' | 'all';
}

/** 房屋列表: the units of the project or building, searchable and filterable by status, exportable. */
export function UnitsTab({ base }: { base: ListBase }) {
  const { t } = useI18n();
  const [unitFilter, setUnitFilter] = useState<{ q?: string; status?: UnitStatus }>({});
  const projectId = base.projectId;
  const filterQuery: UnitQuery = { ...base, ...unitFilter };
  return (
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
            render: (s: UnitStatus) => <Tag color={STATUS_TAG[s]}>{t(`property.statuses.${s}`)}</Tag>,
          },
          { title: t('property.mainContact'), dataIndex: 'mainName', render: (v) => v ?? '—' },
          { title: t('property.phone'), dataIndex: 'mainPhone', render: (v) => v ?? '—' },
          { title: t('property.moveInDate'), dataIndex: 'moveInDate', render: (v) => v ?? '—' },
        ]}
      />
    </>
  );
}

/** 业主及住户: the people of the project or building, searchable, exportable. */
export function OwnersTab({ base }: { base: ListBase }) {
  const { t } = useI18n();
  const [ownerQ, setOwnerQ] = useState<string>();
  const projectId = base.projectId;
  const ownerQuery: OwnerQuery = { ...base, q: ownerQ };
  return (
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
  );
}
