import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { buildApp } from './app.ts';
import { ensureCompanyDefaults } from './bootstrap.ts';
import { isClusterWorker, startWorkers, workerIndex } from './cluster.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { holdServerLock, serverUsing } from './db/server-lock.ts';
import { DEMO_PASSWORD } from './demo/context.ts';
import { DEMO_LOGINS } from './demo/foundation.demo.ts';
import { seedDemo } from './demo/index.ts';
import { systemActor } from './lib/actor.ts';
import { AppError } from './lib/errors.ts';
import { startScheduler } from './modules/reminder/reminder.scheduler.ts';
import { createUserService } from './modules/user/user.service.ts';

const USAGE = `PropDesk — 物业客服部系统

Usage: node server/main.ts <command>   (or: npm run cli -- <command>)

  start                     migrate, load demo data into an empty database (PROPDESK_DEMO=0 to skip), serve
  migrate                   apply pending migrations (safe to repeat)
  seed-demo                 load the demo company into an empty database
  create-admin <username>   create an administrator; password from PROPDESK_ADMIN_PASSWORD or --password
  backup <file>             online backup of the SQLite database (works while the server runs)
  restore <file>            replace the SQLite database with a backup (stop the server first)

Environment: PROPDESK_DB (SQLite path or postgres:// URL), PORT, HOST, PROPDESK_DATA_DIR,
PROPDESK_SESSION_SECRET, PROPDESK_SESSION_HOURS, PROPDESK_DEMO, LOG_LEVEL,
PROPDESK_SCHEDULER_SECONDS (reminder check interval, default 300; 0 = off),
PROPDESK_WORKERS (server processes on the port, default 1; auto = one per CPU core)`;

function printBanner(config: Config, address: string, seeded: boolean, needsSetup: boolean) {
  const port = new URL(address).port;
  const url = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(config.host)
    ? `http://localhost:${port}`
    : address;
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(
    `\nPropDesk 已启动 / is running:  ${url}\n数据库 / database: ${where}${seeded ? '（已载入演示数据 / demo data loaded）' : ''}`,
  );
  if (config.workers > 1) console.log(`${config.workers} 个服务进程 / server processes`);
  if (!config.webDist)
    console.log('Web app not built (run `npm run build`); the API is at /api, docs at /api/docs');
  if (config.demo) {
    console.log(`演示账号 / demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(12)} ${l.role.padEnd(11)} ${l.name}`);
  } else if (needsSetup) {
    console.log(
      '首次使用：在浏览器中打开上面的地址，按提示完成初始设置（公司、第一个项目、管理员账号）\n' +
        'First start: open the address above in a browser and set up the company, its first project and an administrator',
    );
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      password: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();

  switch (command) {
    case 'start': {
      if (config.workers > 1 && !isClusterWorker()) {
        // the primary: prepare the database once, then let the workers serve
        const database = openDatabase(config.database);
        await migrateToLatest(database.db);
        await ensureCompanyDefaults(database.db);
        const seeded = config.demo ? await seedDemo(database.db) : false;
        // an install without an administrator is set up in the browser (the banner says so)
        const needsSetup =
          (await createUserService({ db: database.db }).accountCounts(database.db)).admins === 0;
        await database.close();
        if (config.database.kind === 'sqlite') holdServerLock(config.database.file);
        const port = await startWorkers(config.workers);
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        printBanner(config, `http://${host}:${port}`, seeded, needsSetup);
        return -1; // keep running
      }
      const worker = isClusterWorker();
      const { app, database, services } = await buildApp(config, { migrate: !worker });
      const seeded = !worker && config.demo ? await seedDemo(database.db) : false;
      const address = await app.listen({ port: config.port, host: config.host });
      if (!worker && config.database.kind === 'sqlite') holdServerLock(config.database.file);
      if (!worker) printBanner(config, address, seeded, (await services.setup.status()).needed);
      const stopScheduler =
        config.schedulerSeconds > 0 && workerIndex() === 0
          ? startScheduler(database, {
              check: services.reminders.check,
              afterCheck: () => services.notify.dispatch(),
              intervalSeconds: config.schedulerSeconds,
              log: (m, e) => app.log.error(e, m),
            })
          : () => {};
      const stop = async () => {
        stopScheduler();
        await app.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return -1; // keep running
    }
    case 'migrate': {
      const database = openDatabase(config.database);
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      await database.close();
      return 0;
    }
    case 'seed-demo': {
      const database = openDatabase(config.database);
      await migrateToLatest(database.db);
      const seeded = await seedDemo(database.db);
      console.log(seeded ? 'Demo data loaded.' : 'The database is not empty; demo data not loaded.');
      await database.close();
      return seeded ? 0 : 1;
    }
    case 'create-admin': {
      const password = values.password ?? process.env.PROPDESK_ADMIN_PASSWORD;
      if (!arg || !password || password.length < 8) {
        console.error(
          'Usage: create-admin <username> --password <at least 8 characters>  (or PROPDESK_ADMIN_PASSWORD)',
        );
        return 1;
      }
      const database = openDatabase(config.database);
      await migrateToLatest(database.db);
      await ensureCompanyDefaults(database.db);
      // through the user service, like the users page: the same checks and the audit entry (by 系统)
      const users = createUserService({ db: database.db });
      try {
        await users.create(systemActor(), {
          username: arg,
          password,
          displayName: values.name ?? arg,
          role: 'admin',
          projectIds: [],
        });
      } catch (err) {
        console.error(err instanceof AppError ? err.localized('zh-CN') : String(err));
        for (const f of err instanceof AppError ? err.fields : [])
          console.error(`  ${f.field}: ${f.message}`);
        await database.close();
        return 1;
      }
      console.log(`Administrator "${arg}" created.`);
      await database.close();
      return 0;
    }
    case 'backup': {
      if (config.database.kind !== 'sqlite') {
        console.error('backup works on SQLite; for PostgreSQL use pg_dump.');
        return 1;
      }
      if (!arg) {
        console.error('Usage: backup <file>');
        return 1;
      }
      const source = new SQLite(config.database.file, { fileMustExist: true });
      await source.backup(resolve(arg));
      source.close();
      console.log(`Backup written to ${resolve(arg)}`);
      return 0;
    }
    case 'restore': {
      if (config.database.kind !== 'sqlite') {
        console.error('restore works on SQLite; for PostgreSQL use pg_restore.');
        return 1;
      }
      if (!arg || !existsSync(arg)) {
        console.error('Usage: restore <file>  (an existing backup file)');
        return 1;
      }
      const check = new SQLite(resolve(arg), { readonly: true, fileMustExist: true });
      const ok = check
        .prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'")
        .get() as { n: number };
      check.close();
      if (!ok.n) {
        console.error(`${arg} is not a PropDesk database backup.`);
        return 1;
      }
      const target = config.database.file;
      const running = serverUsing(target);
      if (running) {
        console.error(
          `A PropDesk server (process ${running}) is using ${target}: stop it first, then restore.\n` +
            '正在运行的 PropDesk 服务正在使用该数据库：请先停止服务，再恢复。',
        );
        return 1;
      }
      for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
      copyFileSync(resolve(arg), target);
      console.log(`Restored ${target} from ${resolve(arg)}. Start the server again.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
