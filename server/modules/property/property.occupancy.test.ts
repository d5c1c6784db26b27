import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DB } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { countOccupiedHouseholds, unitIdsOfOwnerUser } from './property.service.ts';
import type { UnitStatus } from './property.tables.ts';

for (const testDb of testDatabases) {
  describe(`countOccupiedHouseholds [${testDb.kind}]`, () => {
    let db: DB;
    let drop: () => Promise<void>;
    let projectId: number;
    let otherProjectId: number;
    const at = '2026-01-01T00:00:00.000Z';

    async function unitWithHistory(
      project: number,
      buildingId: number,
      room: string,
      steps: [string, UnitStatus][],
    ) {
      const unit = await db
        .insertInto('unit')
        .values({
          project_id: project,
          building_id: buildingId,
          room_no: room,
          floor: 1,
          area_centi_m2: 8950,
          status: steps[steps.length - 1][1],
          handover_date: null,
          move_in_date: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [fromDate, status] of steps) {
        await db
          .insertInto('unit_status_history')
          .values({
            project_id: project,
            unit_id: unit.id,
            status,
            from_date: fromDate,
            note: null,
            user_id: null,
            created_at: at,
          })
          .execute();
      }
      return unit.id;
    }

    beforeAll(async () => {
      const opened = await testDb.open();
      db = opened.db;
      drop = opened.drop;
      await migrateToLatest(db);
      const company = await db
        .insertInto('company')
        .values({ name: 'c', created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids: number[] = [];
      for (const code of ['P1', 'P2']) {
        const p = await db
          .insertInto('project')
          .values({
            company_id: company.id,
            code,
            name: code,
            address: null,
            phone: null,
            status: 'active',
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(p.id);
      }
      [projectId, otherProjectId] = ids;
      const buildings: number[] = [];
      for (const p of ids) {
        const s = await db
          .insertInto('section')
          .values({ project_id: p, name: '一期', sort_order: 0, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        const b = await db
          .insertInto('building')
          .values({
            project_id: p,
            section_id: s.id,
            name: '1栋',
            floors: 6,
            sort_order: 0,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        buildings.push(b.id);
      }
      // vacant, then occupied from 03-01
      await unitWithHistory(projectId, buildings[0], '101', [
        ['2025-01-01', 'vacant'],
        ['2026-03-01', 'occupied'],
      ]);
      // renovating from 02-10, occupied from 04-01: occupied household throughout
      await unitWithHistory(projectId, buildings[0], '102', [
        ['2026-02-10', 'renovating'],
        ['2026-04-01', 'occupied'],
      ]);
      // occupied, then vacant again from 03-15 (moved out)
      await unitWithHistory(projectId, buildings[0], '103', [
        ['2025-06-01', 'occupied'],
        ['2026-03-15', 'vacant'],
      ]);
      // two entries on one day: the later one wins
      await unitWithHistory(projectId, buildings[0], '104', [
        ['2026-03-01', 'occupied'],
        ['2026-03-01', 'vacant'],
      ]);
      // always vacant
      await unitWithHistory(projectId, buildings[0], '105', [['2025-01-01', 'vacant']]);
      // another project's occupied unit is never counted
      await unitWithHistory(otherProjectId, buildings[1], '101', [['2025-01-01', 'occupied']]);
    });
    afterAll(async () => drop());

    it('counts units occupied or renovating on the day, from the dated status history', async () => {
      expect(await countOccupiedHouseholds(db, projectId, '2024-12-31')).toBe(0);
      expect(await countOccupiedHouseholds(db, projectId, '2026-01-15')).toBe(1); // 103
      expect(await countOccupiedHouseholds(db, projectId, '2026-02-10')).toBe(2); // 103, 102 renovating
      expect(await countOccupiedHouseholds(db, projectId, '2026-03-01')).toBe(3); // 101, 102, 103 (104: later entry vacant)
      expect(await countOccupiedHouseholds(db, projectId, '2026-03-14')).toBe(3);
      expect(await countOccupiedHouseholds(db, projectId, '2026-03-15')).toBe(2); // 103 moved out
      expect(await countOccupiedHouseholds(db, projectId, '2026-04-01')).toBe(2);
      expect(await countOccupiedHouseholds(db, otherProjectId, '2026-04-01')).toBe(1);
    });

    it('lists an owner user’s units', async () => {
      expect(await unitIdsOfOwnerUser(db, 999)).toEqual([]);
    });
  });
}
