import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Dropdown, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type Tree,
  UNIT_STATUSES,
  type UnitListItem,
  type UnitStatus,
  useCreateBuilding,
  useCreateSection,
  useCreateUnit,
  useUpdateUnit,
} from '../../api/property.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n.tsx';

type Kind = 'section' | 'building' | 'unit';

/** 新建标段 / 楼栋 / 房屋 by hand (most companies import instead). */
export function RegisterCreateMenu({
  projectId,
  tree,
  buildingId,
}: {
  projectId: number;
  tree?: Tree;
  buildingId?: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Kind | null>(null);
  return (
    <>
      <Dropdown
        menu={{
          items: (['section', 'building', 'unit'] as Kind[]).map((k) => ({
            key: k,
            label: t(`property.new.${k}`),
          })),
          onClick: ({ key }) => setOpen(key as Kind),
        }}
      >
        <Button type="primary" icon={<PlusOutlined />}>
          {t('common.create')}
        </Button>
      </Dropdown>
      {open ? (
        <CreateModal
          kind={open}
          projectId={projectId}
          tree={tree}
          buildingId={buildingId}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}

function CreateModal({
  kind,
  projectId,
  tree,
  buildingId,
  onClose,
}: {
  kind: Kind;
  projectId: number;
  tree?: Tree;
  buildingId?: number;
  onClose(): void;
}) {
  const { t } = useI18n();
  const createSection = useCreateSection();
  const createBuilding = useCreateBuilding();
  const createUnit = useCreateUnit();
  return (
    <FormModal<CreateValues>
      title={t(`property.new.${kind}`)}
      initialValues={{ buildingId, status: 'vacant' }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (kind === 'section') return createSection.mutateAsync({ projectId, name: v.name! });
        if (kind === 'building') {
          return createBuilding.mutateAsync({
            projectId,
            sectionId: v.sectionId!,
            name: v.name!,
            floors: v.floors ?? null,
          });
        }
        return createUnit.mutateAsync({ ...unitBody(v), status: v.status });
      }}
    >
      {kind === 'building' ? (
        <Form.Item name="sectionId" label={t('property.section')} rules={[{ required: true }]}>
          <Select options={tree?.sections.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      ) : null}
      {kind !== 'unit' ? (
        <Form.Item name="name" label={t(`property.${kind}`)} rules={[{ required: true, max: 30 }]}>
          <Input />
        </Form.Item>
      ) : null}
      {kind === 'building' ? (
        <Form.Item name="floors" label={t('property.floors')}>
          <InputNumber min={1} max={200} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {kind === 'unit' ? <UnitFields tree={tree} withStatus /> : null}
    </FormModal>
  );
}

type CreateValues = UnitFormValues & { name?: string; sectionId?: number; floors?: number | null };

interface UnitFormValues {
  buildingId: number;
  roomNo: string;
  floor: number;
  area: string;
  status?: UnitStatus;
  handoverDate?: Dayjs;
  moveInDate?: Dayjs;
  /** the version the form was opened with (optimistic locking; FormModal sends it) */
  version?: number;
}

/** A unit as the server answers it → the edit form's values */
function unitValues(unit: UnitListItem): UnitFormValues {
  return {
    buildingId: unit.buildingId,
    roomNo: unit.roomNo,
    floor: unit.floor,
    area: (unit.areaCentiM2 / 100).toFixed(2),
    handoverDate: unit.handoverDate ? dayjs(unit.handoverDate) : undefined,
    moveInDate: unit.moveInDate ? dayjs(unit.moveInDate) : undefined,
    version: unit.version,
  };
}

/** The form's values → the API's unit body (area in exact hundredths of m²). */
function unitBody(v: UnitFormValues) {
  const [whole, frac = ''] = String(v.area).split('.');
  return {
    buildingId: v.buildingId,
    roomNo: v.roomNo,
    floor: v.floor,
    areaCentiM2: Number(whole) * 100 + Number(frac.padEnd(2, '0')),
    handoverDate: v.handoverDate ? v.handoverDate.format('YYYY-MM-DD') : null,
    moveInDate: v.moveInDate ? v.moveInDate.format('YYYY-MM-DD') : null,
  };
}

function UnitFields({
  tree,
  withStatus,
  fallback,
}: {
  tree?: Tree;
  withStatus?: boolean;
  fallback?: UnitListItem;
}) {
  const { t } = useI18n();
  const buildings = (tree?.sections ?? []).flatMap((s) =>
    s.buildings.map((b) => ({ value: b.id, label: `${s.name} ${b.name}` })),
  );
  return (
    <>
      <Form.Item name="buildingId" label={t('property.building')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={
            buildings.length || !fallback
              ? buildings
              : [{ value: fallback.buildingId, label: fallback.buildingName }]
          }
        />
      </Form.Item>
      <Form.Item name="roomNo" label={t('property.roomNo')} rules={[{ required: true, max: 20 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="floor" label={t('property.floor')} rules={[{ required: true }]}>
        <InputNumber min={-5} max={200} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="area"
        label={t('property.area')}
        rules={[{ required: true, pattern: /^\d{1,7}(\.\d{1,2})?$/, message: t('property.areaRule') }]}
      >
        <Input />
      </Form.Item>
      {withStatus ? (
        <Form.Item name="status" label={t('common.status')}>
          <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`property.statuses.${s}`) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="handoverDate" label={t('property.handoverDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="moveInDate" label={t('property.moveInDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/** Edits a unit's facts (its status changes through 变更状态, which keeps the dated history). */
export function UnitEditModal({ unit, tree, onClose }: { unit: UnitListItem; tree?: Tree; onClose(): void }) {
  const { t } = useI18n();
  const update = useUpdateUnit();
  return (
    <FormModal<UnitFormValues>
      title={t('property.editUnit')}
      initialValues={unitValues(unit)}
      toValues={unitValues}
      onClose={onClose}
      onSubmit={(v) => update.mutateAsync({ id: unit.id, body: { ...unitBody(v), version: v.version } })}
    >
      <UnitFields tree={tree} fallback={unit} />
    </FormModal>
  );
}
