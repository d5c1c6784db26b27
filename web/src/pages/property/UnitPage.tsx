import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
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
  PERSON_KINDS,
  type Person,
  STATUS_TAG,
  UNIT_STATUSES,
  type UnitDetail,
  type UnitStatus,
  useChangeUnitStatus,
  useLinkOwnerUser,
  useRemovePerson,
  useSavePerson,
  useTree,
  useUnit,
  useUnlinkOwnerUser,
} from '../../api/property.ts';
import { useUsers } from '../../api/user.ts';
import { AuditTimeline } from '../../components/AuditHistory.tsx';
import { showError } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
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
  onSaved(): void;
}) {
  const { t } = useI18n();
  const save = useSavePerson();
  return (
    <FormModal<Omit<Person, 'id' | 'unitId'>>
      title={person ? t('property.editPerson') : t('property.addPerson')}
      initialValues={person ?? { kind: 'owner', isMainContact: false, relation: '本人' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = { ...values, phone: values.phone || null, relation: values.relation || null };
        await save.mutateAsync({ unitId, id: person?.id ?? null, body });
        onSaved();
      }}
    >
      <Form.Item name="kind" label={t('property.kind')} rules={[{ required: true }]}>
        <Select options={PERSON_KINDS.map((k) => ({ value: k, label: t(`property.kinds.${k}`) }))} />
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

function StatusForm({ unit, onClose, onSaved }: { unit: UnitDetail; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const changeStatus = useChangeUnitStatus();
  // today, unless the last change is dated later (the server counts days in China's time zone)
  const last = unit.history[0]?.fromDate;
  const defaultDate = last && dayjs(last).isAfter(dayjs(), 'day') ? dayjs(last) : dayjs();
  return (
    <FormModal<{ status: UnitStatus; fromDate: Dayjs; note?: string }>
      title={t('property.changeStatus')}
      initialValues={{ status: unit.status, fromDate: defaultDate }}
      onClose={onClose}
      onSubmit={async (v) => {
        await changeStatus.mutateAsync({
          id: unit.id,
          body: { status: v.status, fromDate: v.fromDate.format('YYYY-MM-DD'), note: v.note || null },
        });
        onSaved();
      }}
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
function OwnerAccounts({ unit, canLink }: { unit: UnitDetail; canLink: boolean }) {
  const { t } = useI18n();
  const [userId, setUserId] = useState<number>();
  const owners = useUsers({ role: 'owner', pageSize: 200 }, canLink);
  const link = useLinkOwnerUser();
  const unlinkUser = useUnlinkOwnerUser();
  const unlink = async (id: number) => {
    try {
      await unlinkUser.mutateAsync({ userId: id, unitId: unit.id });
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
                await link.mutateAsync({ userId: userId!, unitId: unit.id });
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
  const { id } = useParams();
  const query = useUnit(Number(id));
  return <QueryState query={query}>{(unit) => <UnitView unit={unit} />}</QueryState>;
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const removePerson = useRemovePerson();
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [statusOpen, setStatusOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const access = useAccess();
  const { canEditUnitPeople: canEditPeople, canChangeUnitStatus: canChangeStatus, canEditUnit } = access;
  const tree = useTree(canEditUnit ? unit.projectId : undefined);
  const saved = () => {
    setEditing(undefined);
    setStatusOpen(false);
  };
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
                  <OwnerAccounts unit={unit} canLink={access.canLinkOwnerAccounts} />
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
                                  await removePerson.mutateAsync(p.id);
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
