import type { Executor } from '../../db/database.ts';
import * as repo from './property.repository.ts';

/**
 * Occupied households (入住户数) of a project on a day, from the units' dated status history:
 * units whose status on that day was 入住 occupied or 装修中 renovating — a unit being fitted
 * out has been taken by its owner, so it is an occupied household too. The complaint rate and
 * the satisfaction survey divide by this. `onDate` is 'YYYY-MM-DD' (Asia/Shanghai).
 */
export function countOccupiedHouseholds(db: Executor, projectId: number, onDate: string): Promise<number> {
  return repo.countOccupiedOn(db, projectId, onDate);
}

/** The units an owner's login is linked to (owner portal: "my units"; an owner sees only these). */
export function unitIdsOfOwnerUser(db: Executor, userId: number): Promise<number[]> {
  return repo.unitIdsOfOwnerUser(db, userId);
}
