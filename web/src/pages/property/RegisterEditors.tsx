import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Dropdown, Form, Input, InputNumber, Modal, message, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { type Tree, UNIT_STATUSES, type UnitListItem } from '../../api/property.ts';
import { showError } from '../../components/errors.ts';
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
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const buildings = (tree?.sections ?? []).flatMap((s) =>
    s.buildings.map((b) => ({ value: b.id, label: `${s.name} ${b.name}` })),
  );
  return (
    <Modal
      open
      title={t(`property.new.${kind}`)}
      okText={t('common.save')}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          if (kind === 'section') await api.post('/property/sections', { projectId, name: v.name });
          if (kind === 'building') {
            await api.post('/property/buildings', {
              projectId,
              sectionId: v.sectionId,
              name: v.name,
              floors: v.floors ?? null,
            });
          }
          if (kind === 'unit') {
            await api.post('/units', {
              buildingId: v.buildingId,
              roomNo: v.roomNo,
              floor: v.floor,
              areaCentiM2: Math.round(Number(v.area) * 100),
              status: v.status,
              handoverDate: v.handoverDate ? v.handoverDate.format('YYYY-MM-DD') : null,
              moveInDate: v.moveInDate ? v.moveInDate.format('YYYY-MM-DD') : null,
            });
          }
          message.success(t('common.saved'));
          queryClient.invalidateQueries({ queryKey: ['property-tree'] });
          queryClient.invalidateQueries({ queryKey: ['building-units'] });
          queryClient.invalidateQueries({ queryKey: ['units'] });
          onClose();
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ buildingId, status: 'vacant' }}>
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
        {kind === 'unit' ? (
          <>
            <Form.Item name="buildingId" label={t('property.building')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={buildings} />
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
            <Form.Item name="status" label={t('common.status')}>
              <Select
                options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`property.statuses.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="handoverDate" label={t('property.handoverDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="moveInDate" label={t('property.moveInDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Edits a unit's facts (its status changes through 变更状态, which keeps the dated history). */
export function UnitEditModal({
  unit,
  tree,
  onClose,
  onSaved,
}: {
  unit: UnitListItem;
  tree?: Tree;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const buildings = (tree?.sections ?? []).flatMap((s) =>
    s.buildings.map((b) => ({ value: b.id, label: `${s.name} ${b.name}` })),
  );
  return (
    <Modal
      open
      title={t('property.editUnit')}
      okText={t('common.save')}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.put(`/units/${unit.id}`, {
            buildingId: v.buildingId,
            roomNo: v.roomNo,
            floor: v.floor,
            areaCentiM2: Math.round(Number(v.area) * 100),
            handoverDate: v.handoverDate ? v.handoverDate.format('YYYY-MM-DD') : null,
            moveInDate: v.moveInDate ? v.moveInDate.format('YYYY-MM-DD') : null,
          });
          message.success(t('common.saved'));
          onSaved();
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          buildingId: unit.buildingId,
          roomNo: unit.roomNo,
          floor: unit.floor,
          area: (unit.areaCentiM2 / 100).toFixed(2),
          handoverDate: unit.handoverDate ? dayjs(unit.handoverDate) : undefined,
          moveInDate: unit.moveInDate ? dayjs(unit.moveInDate) : undefined,
        }}
      >
        <Form.Item name="buildingId" label={t('property.building')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={buildings.length ? buildings : [{ value: unit.buildingId, label: unit.buildingName }]}
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
        <Form.Item name="handoverDate" label={t('property.handoverDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="moveInDate" label={t('property.moveInDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
