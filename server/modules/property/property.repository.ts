import { type Executor, toNumber } from '../../db/database.ts';
import { OCCUPIED_STATUSES } from './property.tables.ts';
import './property.tables.ts';

// ---- occupancy: other modules divide by this ----

/**
 * Units whose latest status-history row on or before `onDate` is occupied or renovating.
 * "Latest" = greatest from_date, then greatest id (two changes on one day: the later entry wins).
 */
export async function countOccupiedOn(db: Executor, projectId: number, onDate: string): Promise<number> {
  const row = await db
    .selectFrom('unit_status_history as h')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('h.project_id', '=', projectId)
    .where('h.status', 'in', [...OCCUPIED_STATUSES])
    .where('h.from_date', '<=', onDate)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('unit_status_history as later')
            .select('later.id')
            .whereRef('later.unit_id', '=', 'h.unit_id')
            .where('later.from_date', '<=', onDate)
            .where((eb) =>
              eb.or([
                eb('later.from_date', '>', eb.ref('h.from_date')),
                eb.and([
                  eb('later.from_date', '=', eb.ref('h.from_date')),
                  eb('later.id', '>', eb.ref('h.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export async function unitIdsOfOwnerUser(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('owner_user_unit')
    .select('unit_id')
    .where('user_id', '=', userId)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => r.unit_id);
}
