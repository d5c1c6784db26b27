import { describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf, type SourceFile } from '../../scripts/boundaries.ts';

const tables: SourceFile[] = [
  {
    path: 'server/modules/repair/repair.tables.ts',
    text: "declare module '../../db/schema.ts' {\n  interface Database {\n    repair_order: RepairOrderTable;\n  }\n}",
  },
  {
    path: 'server/modules/task/task.tables.ts',
    text: "declare module '../../db/schema.ts' {\n  interface Database {\n    task: TaskTable;\n  }\n}",
  },
];
const check = (...files: SourceFile[]) => checkBoundaries([...tables, ...files]);
const rules = (...files: SourceFile[]) => check(...files).map((v) => `${v.rule} ${v.path}:${v.line}`);

describe('boundary check', () => {
  it('refuses a repository that reads another module’s table, by builder or raw SQL', () => {
    expect(
      rules({
        path: 'server/modules/reminder/reminder.repository.ts',
        text: "db.selectFrom('repair_order')\n  .leftJoin('employee as e', 'e.id', 'x')\nsql`select 1 from task t`",
      }),
    ).toEqual([
      'tables server/modules/reminder/reminder.repository.ts:1',
      'tables server/modules/reminder/reminder.repository.ts:2',
      'tables server/modules/reminder/reminder.repository.ts:3',
    ]);
  });
  it('lets a module use its own tables, read the project frame, and share the account tables of user/auth', () => {
    expect(
      rules(
        {
          path: 'server/modules/repair/repair.repository.ts',
          text: "db.selectFrom('repair_order as r').innerJoin('project as p', 'p.id', 'r.project_id')",
        },
        { path: 'server/modules/auth/auth.repository.ts', text: "db.selectFrom('app_user')" },
      ),
    ).toEqual([]);
    // …but never write the project frame
    expect(rules({ path: 'server/modules/repair/x.ts', text: "db.updateTable('project')" })).toEqual([
      'tables server/modules/repair/x.ts:1',
    ]);
  });
  it('refuses code imports across modules, allows type imports', () => {
    expect(
      rules({
        path: 'server/modules/reminder/reminder.service.ts',
        text: [
          "import type { RepairService } from '../repair/repair.service.ts';",
          "import { type TTask } from '../task/task.schemas.ts';",
          "import { repairCode } from '../repair/repair.repository.ts';",
          "import '../task/task.tables.ts';",
          "import { ZTask } from '../task/task.schemas.ts';",
          "import { TASK_STATUSES } from '../task/task.constants.ts';",
          "import { isoNow } from '../../lib/time.ts';",
        ].join('\n'),
      }),
    ).toEqual([
      'imports server/modules/reminder/reminder.service.ts:3',
      'imports server/modules/reminder/reminder.service.ts:4',
    ]);
  });
  it('exempts demo seeders and tests', () => {
    expect(
      rules(
        {
          path: 'server/modules/repair/servicedesk.demo.ts',
          text: "import { x } from '../task/task.service.ts';\ndb.insertInto('task')",
        },
        { path: 'server/modules/repair/repair.test.ts', text: "db.selectFrom('task')" },
      ),
    ).toEqual([]);
  });
  it('refuses a migration that imports module code', () => {
    expect(
      rules({
        path: 'server/db/migrations/2026112830_calendar.ts',
        text: "import type { Kysely } from 'kysely';\nimport { withId } from '../database.ts';\nimport { SHIPPED } from '../../modules/calendar/calendar.holidays.ts';",
      }),
    ).toEqual(['migrations server/db/migrations/2026112830_calendar.ts:3']);
  });
  it('lets the web import server types and dependency-free constants only', () => {
    expect(
      rules(
        {
          path: 'web/src/api/servicedesk.ts',
          text: [
            "import type { TRepairItem } from '../../../server/modules/repair/repair.schemas.ts';",
            "import { REPAIR_STATUSES } from '../../../server/modules/repair/repair.constants.ts';",
            "import { repairSchemas } from '../../../server/modules/repair/repair.schemas.ts';",
          ].join('\n'),
        },
        {
          path: 'server/modules/repair/repair.constants.ts',
          text: "import { Type } from '@sinclair/typebox';",
        },
      ),
    ).toEqual(['web web/src/api/servicedesk.ts:3', 'web server/modules/repair/repair.constants.ts:1']);
  });
  it('keeps server/lib below the modules and audit writes in lib/audit.ts', () => {
    expect(
      rules(
        {
          path: 'server/lib/reminders.ts',
          text: "import { repairCode } from '../modules/repair/repair.repository.ts';",
        },
        { path: 'server/lib/audit.ts', text: "db.insertInto('audit_log')" },
        { path: 'server/bootstrap.ts', text: "db.insertInto('audit_log')" },
      ),
    ).toEqual(['lib server/lib/reminders.ts:1', 'audit server/bootstrap.ts:1']);
  });
  it('reads import clauses across lines', () => {
    expect(importsOf("import {\n  a,\n  b,\n} from './x.ts';\nexport type { C } from './y.ts';")).toEqual([
      { specifier: './x.ts', typeOnly: false, index: 0 },
      { specifier: './y.ts', typeOnly: true, index: expect.any(Number) },
    ]);
  });
});
