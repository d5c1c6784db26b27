/**
 * 房屋台账 property register: one service made of its use cases, each in its own file —
 * register (sections, buildings, units), occupancy (dated status), people (owners, residents,
 * owner logins), officers' areas, import and export (docs/property.md). Routes see one surface.
 */
import type { Executor } from '../../db/database.ts';
import { createExport } from './property.export.ts';
import { createImport } from './property.import.ts';
import { createOccupancy } from './property.occupancy.ts';
import { createOfficers } from './property.officers.ts';
import { createPeople } from './property.people.ts';
import { createRegister } from './property.register.ts';
import * as repo from './property.repository.ts';
import { createPropertyCore, type PropertyDeps } from './property.shared.ts';

export { countOccupiedHouseholds } from './property.occupancy.ts';
export { maskPhone, type PropertyDeps, propertyErrors } from './property.shared.ts';

/** The units an owner's login is linked to (owner portal: "my units"; an owner sees only these). */
export function unitIdsOfOwnerUser(db: Executor, userId: number): Promise<number[]> {
  return repo.unitIdsOfOwnerUser(db, userId);
}

/** How far the register is: buildings, units, buildings with a housing officer (first-start checklist). */
export function registerProgress(db: Executor) {
  return repo.registerProgress(db);
}

export type PropertyService = ReturnType<typeof createPropertyService>;

export function createPropertyService(deps: PropertyDeps) {
  const core = createPropertyCore(deps);
  return {
    ...createRegister(core),
    ...createOccupancy(core),
    ...createPeople(core),
    ...createOfficers(core),
    ...createImport(core),
    ...createExport(core),
  };
}
