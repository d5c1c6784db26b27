import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { auditReaders } from './audit-readers.ts';
import { ensureCompanyDefaults } from './bootstrap.ts';
import type { Config } from './config.ts';
import { type OpenedDatabase, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { commonErrors } from './lib/errors.ts';
import type { App } from './lib/http.ts';
import type { MetricDefinition } from './lib/metrics.ts';
import { type Clock, systemClock } from './lib/time.ts';
import { AJV_OPTIONS, refuseOddText, validationController } from './lib/validation.ts';
import { allMetrics } from './metrics.ts';
import { periodStateOf } from './modules/assessment/assessment.period-state.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';
import { createAssessmentService } from './modules/assessment/assessment.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { computeDue, createCalendarService, loadCalendar } from './modules/calendar/calendar.service.ts';
import { dueAt } from './modules/calendar/working-time.ts';
import { complaintRoutes } from './modules/complaint/complaint.routes.ts';
import { createComplaintService } from './modules/complaint/complaint.service.ts';
import { notifyRoutes } from './modules/notify/notify.routes.ts';
import { createNotifyService } from './modules/notify/notify.service.ts';
import { projectRoutes } from './modules/project/project.routes.ts';
import { createProjectService, projectNames, visibleProjects } from './modules/project/project.service.ts';
import { propertyRoutes } from './modules/property/property.routes.ts';
import {
  buildingPlace,
  countOccupiedHouseholds,
  createPropertyService,
  registerProgress,
  unitIdsOfOwnerUser,
  unitPlace,
} from './modules/property/property.service.ts';
import { reminderRoutes } from './modules/reminder/reminder.routes.ts';
import { createReminderService } from './modules/reminder/reminder.service.ts';
import { repairRoutes } from './modules/repair/repair.routes.ts';
import { createRepairService } from './modules/repair/repair.service.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { createSetupService } from './modules/setup/setup.service.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import {
  activeEmployeeCount,
  createStaffService,
  employeeInProject,
  employeeNames,
  employeePlace,
  teamInProject,
  teamNames,
  teamPlace,
} from './modules/staff/staff.service.ts';
import { taskRoutes } from './modules/task/task.routes.ts';
import { createTaskService } from './modules/task/task.service.ts';
import { userRoutes } from './modules/user/user.routes.ts';
import {
  activeUsersOfEmployees,
  activeUsersOfRole,
  createUserService,
  userDisplayNames,
} from './modules/user/user.service.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerSecurity } from './plugins/security.ts';
import { allReminderSources } from './reminders.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface BuildOptions {
  /** Use an already opened database (tests share one per file) */
  database?: OpenedDatabase;
  /** Run migrations before serving (default true) */
  migrate?: boolean;
  clock?: Clock;
  /** The assessment metrics (default: every registered one, server/metrics.ts). Tests of the
   *  assessment lifecycle pass only the ones they exercise, so their scores stay exact. */
  metrics?: MetricDefinition[];
}

/** Every module's service, wired by hand in one place. */
export function createServices(
  database: OpenedDatabase,
  config: Config,
  clock: Clock,
  metrics: MetricDefinition[] = allMetrics,
) {
  const deps = { db: database.db, config, clock, dialect: database.dialect };
  const auth = createAuthService(deps);
  // a changed account must not live on in the session cache
  const users = createUserService({
    ...deps,
    staff: { employeePlace },
    onUserChanged: (userId) => auth.forgetUser(userId),
  });
  const projects = createProjectService(deps);
  const staff = createStaffService(deps);
  // what the service desk reads of staff, projects and users: those modules' functions
  const staffDirectory = {
    employeeNames,
    teamNames,
    employeeInProject,
    teamInProject,
    employeePlace,
    teamPlace,
  };
  const register = {
    ownerUnitIds: unitIdsOfOwnerUser,
    occupiedHouseholds: countOccupiedHouseholds,
    buildingPlace,
    unitPlace,
  };
  const calendar = { computeDue, loadCalendar, dueAt };
  // due items reach WeCom robots and e-mail lists through the outbox, queued in the reminder check
  const notify = createNotifyService({ ...deps, senders: config.notify });
  const services = {
    auth,
    users,
    projects,
    staff,
    calendar: createCalendarService(deps),
    repairs: createRepairService({
      ...deps,
      staff: staffDirectory,
      register,
      calendar,
      projectNames,
      userNames: userDisplayNames,
      periods: { periodStateOf },
    }),
    complaints: createComplaintService({
      ...deps,
      staff: staffDirectory,
      register,
      calendar,
      projectNames,
      visibleProjects,
      periods: { periodStateOf },
      events: notify.emit,
    }),
    tasks: createTaskService({
      ...deps,
      staff: staffDirectory,
      calendar,
      userNames: userDisplayNames,
      periods: { periodStateOf },
    }),
    // every module's due items (server/reminders.ts), to the users the user module knows
    reminders: createReminderService({
      ...deps,
      sources: allReminderSources,
      users: { activeUsersOfRole, activeUsersOfEmployees },
      onDue: notify.enqueue,
    }),
    notify,
    property: createPropertyService({ ...deps, users, staff, projects }),
    assessment: createAssessmentService({ ...deps, metrics, users, staff, projects, events: notify.emit }),
    // the first start and its checklist count what the other modules hold
    setup: createSetupService({
      ...deps,
      users,
      projects,
      register: registerProgress,
      employees: activeEmployeeCount,
    }),
  };
  // a record's history to whoever may read the record, by the rule of the module that owns it
  return { ...services, audit: createAuditService({ ...deps, readable: auditReaders(services) }) };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the whole application without listening, so tests can `inject()` requests. */
export async function buildApp(config: Config, options: BuildOptions = {}) {
  const database = options.database ?? openDatabase(config.database);
  if (options.migrate !== false) await migrateToLatest(database.db);
  await ensureCompanyDefaults(database.db);
  const clock = options.clock ?? systemClock;
  const services = createServices(database, config, clock, options.metrics);

  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    genReqId: () => Math.random().toString(36).slice(2, 10),
    // off unless configured: a client must not choose its own address (PROPDESK_TRUST_PROXY)
    // (a hop count is valid for Fastify and proxy-addr; its type lists only the other forms)
    trustProxy: config.trustProxy as boolean | string[],
    bodyLimit: 20 * 1024 * 1024,
    // no request holds a worker for ever: the answer is due within the limit (503 REQUEST_TIMEOUT),
    // an upload (route config `upload: true`) within its own; the socket must bring the whole request
    // within the upload limit, and may not sit idle longer than a request may take
    handlerTimeout: config.requestTimeoutMs,
    requestTimeout: config.uploadTimeoutMs,
    connectionTimeout: config.requestTimeoutMs + 5000,
    ajv: AJV_OPTIONS,
    schemaController: validationController(),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.addHook('onRoute', (route) => {
    if ((route.config as { upload?: boolean } | undefined)?.upload)
      route.handlerTimeout = config.uploadTimeoutMs;
  });
  await registerSecurity(app, config);
  refuseOddText(app);
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'PropDesk API', version: '0.1.0', description: '物业客服部系统与考核引擎 API' },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerErrorHandler(app);
  registerAuth(app, services.auth, config);

  await app.register(
    async (api) => {
      const a = api as unknown as App;
      authRoutes(a, services.auth, config);
      userRoutes(a, services.users);
      projectRoutes(a, services.projects);
      staffRoutes(a, services.staff);
      auditRoutes(a, services.audit);
      calendarRoutes(a, services.calendar);
      repairRoutes(a, services.repairs);
      complaintRoutes(a, services.complaints);
      taskRoutes(a, services.tasks);
      reminderRoutes(a, services.reminders);
      propertyRoutes(a, services.property);
      assessmentRoutes(a, services.assessment);
      setupRoutes(a, services.setup);
      notifyRoutes(a, services.notify);
    },
    { prefix: '/api' },
  );

  if (config.webDist) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      cacheControl: false,
      // Vite names every asset by its content hash: cache it for a year; index.html must be asked for again
      setHeaders: (reply, file) => {
        reply.header('cache-control', /[\\/]assets[\\/]/.test(file) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !config.webDist || request.method !== 'GET') {
      const err = commonErrors.NOT_FOUND({ entity: request.locale === 'en-US' ? 'Page' : '接口' });
      return reply
        .status(404)
        .send({ code: err.code, message: err.localized(request.locale), requestId: request.id });
    }
    // The web app routes on the client: every other GET gets index.html
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  return { app, database, services };
}
