import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../access.ts';
import {
  formatArea,
  type Person,
  propertyApi,
  STATUS_TAG,
  UNIT_STATUSES,
  type UnitDetail,
  type UnitStatus,
  useTree,
} from '../../api/property.ts';
import { staffApi } from '../../api/staff.ts';
import { AuditTimeline } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n.tsx';
import { UnitEditModal } from './RegisterEditors.tsx';

const PHONE_RE = /^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8}(-[0-9]{1,6})?)$/;

function PersonForm({
  unitId,
  person,
  onClose,
  onSaved,
}: {
  unitId: number;
  person: Person | null;
  onClose(): void;
  onSaved(unit: UnitDetail): void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<Omit<Person, 'id' | 'unitId'>>
      title={person ? t('property.editPerson') : t('property.addPerson')}
      initialValues={person ?? { kind: 'owner', isMainContact: false, relation: '本人' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = { ...values, phone: values.phone || null, relation: values.relation || null };
        onSaved(
          person
            ? await propertyApi.updatePerson(person.id, body)
            : await propertyApi.addPerson(unitId, body),
        );
      }}
    >
      <Form.Item name="kind" label={t('property.kind')} rules={[{ required: true }]}>
        <Select options={['owner', 'resident'].map((k) => ({ value: k, label: t(`property.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, max: 30 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('property.phone')}
        rules={[{ pattern: PHONE_RE, message: '13800000000 / 0571-88001234' }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="relation" label={t('property.relation')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="isMainContact" label={t('property.mainContact')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

function StatusForm({
  unit,
  onClose,
  onSaved,
}: {
  unit: UnitDetail;
  onClose(): void;
  onSaved(u: UnitDetail): void;
}) {
  const { t } = useI18n();
  // today, unless the last change is dated later (the server counts days in China's time zone)
  const last = unit.history[0]?.fromDate;
  const defaultDate = last && dayjs(last).isAfter(dayjs(), 'day') ? dayjs(last) : dayjs();
  return (
    <FormModal<{ status: UnitStatus; fromDate: Dayjs; note?: string }>
      title={t('property.changeStatus')}
      initialValues={{ status: unit.status, fromDate: defaultDate }}
      onClose={onClose}
      onSubmit={async (v) =>
        onSaved(
          await propertyApi.changeStatus(unit.id, {
            status: v.status,
            fromDate: v.fromDate.format('YYYY-MM-DD'),
            note: v.note || null,
          }),
        )
      }
    >
      <Form.Item name="status" label={t('common.status')} rules={[{ required: true }]}>
        <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`property.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="fromDate" label={t('property.fromDate')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('property.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** The owner logins linked to the unit (the portal shows them this unit); admins link them here. */
function OwnerAccounts({
  unit,
  canLink,
  onSaved,
}: {
  unit: UnitDetail;
  canLink: boolean;
  onSaved(u: UnitDetail): void;
}) {
  const { t } = useI18n();
  const [userId, setUserId] = useState<number>();
  const owners = useQuery({
    queryKey: ['users', 'owners'],
    queryFn: () => staffApi.users({ role: 'owner', pageSize: 200 }),
    enabled: canLink,
  });
  const unlink = async (id: number) => {
    try {
      onSaved(await propertyApi.unlinkOwnerUser(id, unit.id));
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Space wrap>
      {unit.linkedUsers.map((u) => (
        <Tag
          key={u.userId}
          closable={canLink}
          onClose={(e) => {
            e.preventDefault();
            unlink(u.userId);
          }}
        >
          {u.displayName}（{u.username}）
        </Tag>
      ))}
      {!unit.linkedUsers.length && !canLink ? '—' : null}
      {canLink ? (
        <Space.Compact>
          <Select
            size="small"
            style={{ width: 160 }}
            showSearch
            optionFilterProp="label"
            data-testid="owner-link-select"
            placeholder={t('property.linkPlaceholder')}
            value={userId}
            onChange={setUserId}
            options={owners.data?.items.map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
          <Button
            size="small"
            disabled={!userId}
            onClick={async () => {
              try {
                onSaved(await propertyApi.linkOwnerUser(userId!, unit.id));
                setUserId(undefined);
              } catch (err) {
                showError(err);
              }
            }}
          >
            {t('property.link')}
          </Button>
        </Space.Compact>
      ) : null}
    </Space>
  );
}

/** A unit: its facts, owners and residents, dated status history and audit trail. */
export function UnitPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const unitId = Number(id);
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['unit', unitId], queryFn: () => propertyApi.unit(unitId) });
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [statusOpen, setStatusOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const access = useAccess();
  const { canEditUnitPeople: canEditPeople, canChangeUnitStatus: canChangeStatus, canEditUnit } = access;
  const unit = query.data;
  const tree = useTree(canEditUnit ? unit?.projectId : undefined);
  const saved = (u: UnitDetail) => {
    queryClient.setQueryData(['unit', unitId], u);
    queryClient.invalidateQueries({ queryKey: ['audit', 'unit', unitId] });
    queryClient.invalidateQueries({ queryKey: ['building-units'] });
    queryClient.invalidateQueries({ queryKey: ['property-tree'] });
    setEditing(undefined);
    setStatusOpen(false);
  };
  if (query.isError) return <Typography.Text type="danger">{(query.error as Error).message}</Typography.Text>;
  if (!unit) return <Card loading />;
  return (
    <div>
      <PageHeader
        title={
          <Space>
            <Link to={`/property/register?projectId=${unit.projectId}&buildingId=${unit.buildingId}`}>
              <ArrowLeftOutlined />
            </Link>
            {unit.projectName} · {unit.buildingName} · {unit.roomNo}
            <Tag color={STATUS_TAG[unit.status]}>{t(`property.statuses.${unit.status}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {canEditUnit ? <Button onClick={() => setEditOpen(true)}>{t('property.editUnit')}</Button> : null}
            {canChangeStatus ? (
              <Button type="primary" onClick={() => setStatusOpen(true)}>
                {t('property.changeStatus')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('property.section')}>{unit.sectionName}</Descriptions.Item>
              <Descriptions.Item label={t('property.building')}>{unit.buildingName}</Descriptions.Item>
              <Descriptions.Item label={t('property.roomNo')}>{unit.roomNo}</Descriptions.Item>
              <Descriptions.Item label={t('property.floor')}>{unit.floor}</Descriptions.Item>
              <Descriptions.Item label={t('property.area')}>{formatArea(unit.areaCentiM2)}</Descriptions.Item>
              <Descriptions.Item label={t('property.officer')}>
                {unit.officerName ?? t('property.noOfficer')}
              </Descriptions.Item>
              <Descriptions.Item label={t('property.handoverDate')}>
                {unit.handoverDate ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('property.moveInDate')}>{unit.moveInDate ?? '—'}</Descriptions.Item>
              {access.isStaff ? (
                <Descriptions.Item label={t('property.linkedUsers')}>
                  <OwnerAccounts unit={unit} canLink={access.canLinkOwnerAccounts} onSaved={saved} />
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={t('property.people')}
            style={{ marginTop: 16 }}
            extra={
              canEditPeople ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                  {t('property.addPerson')}
                </Button>
              ) : null
            }
          >
            <Table<Person>
              data-testid="unit-people"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={unit.people}
              columns={[
                { title: t('property.kind'), dataIndex: 'kind', render: (k) => t(`property.kinds.${k}`) },
                { title: t('staff.name'), dataIndex: 'name' },
                { title: t('property.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
                { title: t('property.relation'), dataIndex: 'relation', render: (v) => v ?? '—' },
                {
                  title: t('property.mainContact'),
                  dataIndex: 'isMainContact',
                  render: (v) => (v ? <Tag color="blue">{t('property.mainContact')}</Tag> : null),
                },
                ...(canEditPeople
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        render: (_: unknown, p: Person) => (
                          <Space>
                            <Button size="small" onClick={() => setEditing(p)}>
                              {t('common.edit')}
                            </Button>
                            <Popconfirm
                              title={t('property.removeConfirm')}
                              onConfirm={async () => {
                                try {
                                  saved(await propertyApi.removePerson(p.id));
                                } catch (e) {
                                  showError(e);
                                }
                              }}
                            >
                              <Button size="small" danger>
                                {t('property.removePerson')}
                              </Button>
                            </Popconfirm>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {unit.phonesMasked ? (
              <Typography.Text type="secondary">{t('property.phonesMasked')}</Typography.Text>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('property.statusHistory')}>
            <Timeline
              items={unit.history.map((h) => ({
                key: h.id,
                color: h.status === 'vacant' ? 'gray' : h.status === 'occupied' ? 'green' : 'orange',
                children: (
                  <div>
                    <Typography.Text strong>
                      {h.fromDate} {t(`property.statuses.${h.status as UnitStatus}`)}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {h.note ? `${h.note} · ` : ''}
                        {h.userName ?? ''} {formatDateTime(h.createdAt)}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
          {access.isStaff ? (
            <Card size="small" title={t('property.audit')} style={{ marginTop: 16 }}>
              <AuditTimeline entity="unit" id={unit.id} />
            </Card>
          ) : null}
        </Col>
      </Row>
      {editing !== undefined ? (
        <PersonForm unitId={unit.id} person={editing} onClose={() => setEditing(undefined)} onSaved={saved} />
      ) : null}
      {editOpen ? <UnitEditModal unit={unit} tree={tree.data} onClose={() => setEditOpen(false)} /> : null}
      {statusOpen ? <StatusForm unit={unit} onClose={() => setStatusOpen(false)} onSaved={saved} /> : null}
    </div>
  );
}
