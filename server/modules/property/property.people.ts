/** Owners and residents (业主及住户) of a unit, the owners' list, and owner logins linked to units. */
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { isoNow } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { requireVersion, staleEdit } from '../../lib/versioning.ts';
import * as peopleRepo from './property.people.repository.ts';
import type { TOwnerLink, TOwnerQuery, TPersonInput } from './property.schemas.ts';
import {
  maskPhone,
  PEOPLE_WRITERS,
  type PropertyCore,
  propertyErrors,
  propertyReferenceErrors,
  STAFF,
} from './property.shared.ts';

/** who links an owner's login to a unit (the front desk hands out owner accounts) */
const LINKERS = ['manager', 'supervisor', 'frontdesk'] as const;

const personColumns = (input: TPersonInput) => ({
  kind: input.kind,
  name: input.name,
  phone: input.phone ?? null,
  relation: input.relation ?? null,
  is_main_contact: input.isMainContact ? 1 : 0,
});

async function addPerson(core: PropertyCore, actor: Actor, unitId: number, input: TPersonInput) {
  const { db, clock } = core;
  requireRole(actor, ...PEOPLE_WRITERS);
  return db.transaction().execute(async (trx) => {
    const unit = await core.visibleUnit(trx, actor, unitId);
    const at = isoNow(clock);
    const row = await peopleRepo.insertPerson(trx, {
      project_id: unit.projectId,
      unit_id: unitId,
      ...personColumns(input),
      created_at: at,
      updated_at: at,
    });
    if (input.isMainContact) await peopleRepo.clearMainContact(trx, unitId, row.id);
    await writeAudit(trx, actor, {
      entity: 'unit',
      entityId: unitId,
      projectId: unit.projectId,
      action: 'person_add',
      after: row,
    });
    return core.unitDetail(trx, actor, unitId);
  });
}

async function updatePerson(core: PropertyCore, actor: Actor, personId: number, input: TPersonInput) {
  const { db, clock } = core;
  requireRole(actor, ...PEOPLE_WRITERS);
  return db.transaction().execute(async (trx) => {
    const before = await peopleRepo.findPerson(trx, actor, personId);
    if (!before) throw notFound('业主/住户', 'Owner/resident');
    await core.visibleUnit(trx, actor, before.unit_id);
    // the people's changes are in the unit's history (who changed it last is read there); the answer is the unit
    const stale = async () =>
      staleEdit(trx, 'unit', before.unit_id, await core.unitDetail(trx, actor, before.unit_id));
    const version = requireVersion(actor, input.version);
    if (before.version !== version) throw await stale();
    const after = await peopleRepo.updatePerson(
      trx,
      personId,
      { ...personColumns(input), updated_at: isoNow(clock) },
      version,
    );
    if (!after) throw await stale();
    if (input.isMainContact) await peopleRepo.clearMainContact(trx, before.unit_id, personId);
    await writeAudit(trx, actor, {
      entity: 'unit',
      entityId: before.unit_id,
      projectId: before.project_id,
      action: 'person_update',
      before,
      after,
    });
    return core.unitDetail(trx, actor, before.unit_id);
  });
}

async function removePerson(core: PropertyCore, actor: Actor, personId: number) {
  const { db } = core;
  requireRole(actor, ...PEOPLE_WRITERS);
  return db.transaction().execute(async (trx) => {
    const before = await peopleRepo.findPerson(trx, actor, personId);
    if (!before) throw notFound('业主/住户', 'Owner/resident');
    await core.visibleUnit(trx, actor, before.unit_id);
    await peopleRepo.deletePerson(trx, personId);
    await writeAudit(trx, actor, {
      entity: 'unit',
      entityId: before.unit_id,
      projectId: before.project_id,
      action: 'person_remove',
      before,
    });
    return core.unitDetail(trx, actor, before.unit_id);
  });
}

async function listOwners(core: PropertyCore, actor: Actor, q: TOwnerQuery) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  if (q.projectId !== undefined) assertProjectVisible(actor, q.projectId);
  const { page, pageSize, sort, order, scope, ...filter } = q;
  const { items, total } = await peopleRepo.listOwners(
    db,
    actor,
    { ...filter, ...(await core.visibility(actor, scope)) },
    { page, pageSize, sort, order },
  );
  return {
    items: items.map((o) => ({
      ...o,
      kind: o.kind,
      phone: maskPhone(o.phone),
      isMainContact: o.isMainContact === 1,
    })),
    total,
    page,
    pageSize,
  };
}

// ---- owner accounts ↔ units ----

async function linkOwnerUser(core: PropertyCore, actor: Actor, input: TOwnerLink) {
  const { db, clock, users } = core;
  requireRole(actor, ...LINKERS);
  return db.transaction().execute(async (trx) => {
    const unit = await core.visibleUnit(trx, actor, input.unitId);
    const [user] = await users.accountsByIds(trx, [input.userId]);
    if (!user) {
      throw propertyReferenceErrors.missing({ entity: { 'zh-CN': '用户', 'en-US': 'user' } }, [
        { field: 'userId', message: core.t(actor, '用户不存在', 'No such user') },
      ]);
    }
    if (user.role !== 'owner') throw propertyErrors.PROPERTY_OWNER_USER_ROLE();
    const link = {
      user_id: user.id,
      unit_id: unit.id,
      project_id: unit.projectId,
      created_at: isoNow(clock),
    };
    if (await peopleRepo.linkOwnerUser(trx, link)) {
      await users.addUserProject(trx, user.id, unit.projectId);
      await writeAudit(trx, actor, {
        entity: 'unit',
        entityId: unit.id,
        projectId: unit.projectId,
        action: 'owner_user_link',
        after: { userId: user.id, username: user.username },
      });
    }
    return core.unitDetail(trx, actor, unit.id);
  });
}

async function unlinkOwnerUser(core: PropertyCore, actor: Actor, input: TOwnerLink) {
  const { db } = core;
  requireRole(actor, ...LINKERS);
  return db.transaction().execute(async (trx) => {
    const unit = await core.visibleUnit(trx, actor, input.unitId);
    if (await peopleRepo.unlinkOwnerUser(trx, input.userId, unit.id)) {
      await writeAudit(trx, actor, {
        entity: 'unit',
        entityId: unit.id,
        projectId: unit.projectId,
        action: 'owner_user_unlink',
        before: { userId: input.userId },
      });
    }
    return core.unitDetail(trx, actor, unit.id);
  });
}

export function createPeople(core: PropertyCore) {
  return bindUseCases(core, {
    addPerson,
    updatePerson,
    removePerson,
    listOwners,
    linkOwnerUser,
    unlinkOwnerUser,
  });
}
