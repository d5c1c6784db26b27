/**
 * Who may do what (issue 11): the expected outcome of every route of the OpenAPI document for each
 * persona of the demo company, on a record of the persona's own project (翠湖花园, A) and of the
 * other one (锦绣华庭, B). test/api/authz-matrix.test.ts reads the routes from `app.swagger()` and
 * fails on a route without an entry here: a new route gets its line in this table.
 *
 * An entry says who may call the route (`allow`) and whether it is about a project's record
 * (`scope: 'project'`: path ids, `projectId` in the query or body are of A or of B). From that:
 *   anonymous → 401 (unless `public`); a persona not allowed → 403; a project record of B for a
 *   persona who sees only A → 404 (existence is not disclosed); otherwise 2xx.
 * `cells` gives a persona's outcome outright where the rule is finer ([own, foreign]).
 * Writes are sent only where they must be refused (wrong role, foreign project, anonymous), with
 * a payload that would be valid (`body`), so a refusal is really the authorization.
 */

import {
  type Entry,
  HQ,
  HQ_MANAGER,
  LEADS,
  type Outcome,
  PERSONAS,
  type Refs,
  SIGNED_IN,
  STAFF,
  type Who,
} from './authz-matrix.model.ts';

const pq = (r: Refs) => `projectId=${r.project}`;
const none404 = (...who: Who[]) =>
  Object.fromEntries(who.map((w) => [w, ['404', '404']])) as Partial<Record<Who, [Outcome, Outcome]>>;

/** an assessment sheet (the officer's own, in A; officer3's in B) is read by its assessee and the
 *  leads of its project; the front desk and owners do not see it at all */
const SHEET_HIDDEN: Partial<Record<Who, [Outcome, Outcome]>> = {
  frontdesk: ['404', '404'],
  owner: ['refused', 'refused'],
};

const channelBody = (r: Refs) => ({
  projectId: r.project,
  kind: 'email',
  name: '矩阵通道',
  target: 'matrix@example.com',
  events: ['repair_order.overdue'],
});

const employeeBody = (r: Refs) => ({ projectId: r.project, code: 'AZ0001', name: '矩阵员工' });
const personBody = () => ({ kind: 'resident', name: '矩阵住户', phone: '13911112222' });
const unitBody = (r: Refs) => ({
  buildingId: r.building,
  roomNo: 'M-901',
  floor: 9,
  areaCentiM2: 8950,
  version: r.version.unit,
});

export const EXPECT: Record<string, Entry> = {
  // ---- auth ----
  'GET /api/health': { allow: 'public', scope: 'company' },
  'POST /api/auth/login': { allow: 'public', scope: 'company' },
  'POST /api/auth/logout': { allow: SIGNED_IN, scope: 'company' },
  'GET /api/auth/me': { allow: SIGNED_IN, scope: 'company' },
  'POST /api/auth/password': {
    allow: SIGNED_IN,
    scope: 'company',
    body: () => ({ currentPassword: 'wrong-one', newPassword: 'new-pass-1234' }),
  },
  'PUT /api/auth/locale': { allow: SIGNED_IN, scope: 'company', body: () => ({ locale: 'zh-CN' }) },

  // ---- users, projects: headquarters (admin) only ----
  'GET /api/users': { allow: HQ, scope: 'company' },
  'POST /api/users': {
    allow: HQ,
    scope: 'company',
    body: (r) => ({
      username: 'matrix.user',
      password: 'pass-word-1',
      displayName: '矩阵',
      role: 'officer',
      projectIds: [r.project],
    }),
  },
  'GET /api/users/{id}': { allow: HQ, scope: 'company' },
  'PUT /api/users/{id}': {
    allow: HQ,
    scope: 'company',
    body: (r) => ({
      displayName: '矩阵改名',
      role: 'officer',
      projectIds: [r.project],
      active: true,
      version: r.version.user,
    }),
  },
  'POST /api/users/{id}/password': { allow: HQ, scope: 'company', body: () => ({ password: 'pass-word-2' }) },
  'GET /api/projects': { allow: SIGNED_IN, scope: 'company' },
  'POST /api/projects': { allow: HQ, scope: 'company', body: () => ({ code: 'MX01', name: '矩阵项目' }) },
  'GET /api/projects/{id}': { allow: SIGNED_IN, scope: 'project' },
  'PUT /api/projects/{id}': {
    allow: HQ,
    scope: 'project',
    body: (r) => ({ code: `P${r.project}X`, name: '矩阵项目改名', version: r.version.project }),
  },

  // ---- staff ----
  'GET /api/positions': { allow: STAFF, scope: 'company' },
  'POST /api/positions': { allow: HQ, scope: 'company', body: () => ({ code: 'MX-POS', name: '矩阵岗位' }) },
  'GET /api/positions/{id}': { allow: STAFF, scope: 'company' },
  'PUT /api/positions/{id}': {
    allow: HQ,
    scope: 'company',
    body: (r) => ({ code: 'MX-POS2', name: '矩阵岗位', version: r.version.position }),
  },
  'GET /api/employees': { allow: STAFF, scope: 'list', query: pq },
  'POST /api/employees': { allow: LEADS, scope: 'project', body: employeeBody },
  'GET /api/employees/{id}': { allow: STAFF, scope: 'project' },
  'PUT /api/employees/{id}': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ ...employeeBody(r), version: r.version.employee }),
  },
  'GET /api/teams': { allow: STAFF, scope: 'list', query: pq },
  'POST /api/teams': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ projectId: r.project, name: '矩阵组', kind: '维修' }),
  },
  'PUT /api/teams/{id}': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ projectId: r.project, name: '矩阵组', kind: '维修', version: r.version.team }),
  },
  'GET /api/audit/{entity}/{entityId}': { allow: STAFF, scope: 'project' },

  // ---- calendar ----
  'GET /api/calendar/days': { allow: SIGNED_IN, scope: 'company', query: () => 'year=2026' },
  'PUT /api/calendar/days/{date}': {
    allow: HQ,
    scope: 'company',
    body: () => ({ kind: 'holiday', name: '矩阵假日' }),
  },
  'DELETE /api/calendar/days/{date}': { allow: HQ, scope: 'company' },
  'GET /api/calendar/due': {
    allow: SIGNED_IN,
    scope: 'company',
    query: () => 'from=2026-11-23T02:00:00.000Z&amount=2&unit=working_days',
  },

  // ---- repairs ----
  'GET /api/repair-categories': { allow: SIGNED_IN, scope: 'company' },
  'PUT /api/repair-categories/{id}': {
    allow: HQ_MANAGER,
    scope: 'company',
    body: (r) => ({
      name: '矩阵类别',
      dispatchAmount: 2,
      dispatchUnit: 'hours',
      completeAmount: 2,
      completeUnit: 'working_days',
      responsible: '工程部',
      version: r.version.repairCategory,
    }),
  },
  'GET /api/repairs': { allow: SIGNED_IN, scope: 'list', query: pq },
  'POST /api/repairs': {
    allow: SIGNED_IN,
    scope: 'project',
    body: (r) => ({
      projectId: r.project,
      location: '矩阵楼',
      reporterName: '矩阵',
      categoryId: r.repairCategory,
      description: '矩阵测试报修',
    }),
  },
  // the owner exports their own orders only (the same scope as the list)
  'GET /api/repairs/export': { allow: SIGNED_IN, scope: 'list', query: pq },
  // own: an order the owner reported from the portal
  'GET /api/repairs/{id}': { allow: SIGNED_IN, scope: 'project' },
  'POST /api/repairs/{id}/actions/{action}': {
    allow: ['hq', 'manager', 'supervisor', 'frontdesk', 'owner'],
    scope: 'project',
    action: 'cancel',
    body: () => ({ comment: '矩阵取消' }),
  },
  'GET /api/repairs/{id}/photos/{photo}': { allow: SIGNED_IN, scope: 'project' },
  'POST /api/repairs/{id}/photos': { allow: SIGNED_IN, scope: 'project', upload: 'photo' },
  'GET /api/repair-reviews': { allow: LEADS, scope: 'list', query: pq },
  'POST /api/repair-reviews': {
    allow: ['hq', 'supervisor'],
    scope: 'project',
    body: (r) => ({ projectId: r.project, weekStart: '2026-11-02', summary: '矩阵周报' }),
  },
  'GET /api/repair-reviews/week': {
    allow: LEADS,
    scope: 'project',
    query: (r) => `projectId=${r.project}&weekStart=2026-11-02`,
  },
  'GET /api/repair-reviews/pending': { allow: LEADS, scope: 'project', query: pq },
  'POST /api/repair-reviews/{id}/acknowledge': {
    allow: HQ_MANAGER,
    scope: 'project',
    body: () => ({ comment: '矩阵' }),
  },

  // ---- complaints ----
  'GET /api/complaint-categories': { allow: SIGNED_IN, scope: 'company' },
  'GET /api/complaints': { allow: SIGNED_IN, scope: 'list', query: pq },
  'POST /api/complaints': {
    allow: SIGNED_IN,
    scope: 'project',
    body: (r) => ({
      projectId: r.project,
      complainantName: '矩阵',
      categoryId: r.complaintCategory,
      content: '矩阵测试投诉',
    }),
  },
  'GET /api/complaints/rate': {
    allow: STAFF,
    scope: 'project',
    query: (r) => `projectId=${r.project}&from=2026-11-01&to=2026-11-30`,
  },
  // own: a complaint the owner made from the portal
  'GET /api/complaints/{id}': { allow: SIGNED_IN, scope: 'project' },
  'POST /api/complaints/{id}/actions/{action}': {
    allow: ['hq', 'manager', 'supervisor', 'frontdesk'],
    scope: 'project',
    action: 'assign',
    body: (r) => ({ handlerEmployeeId: r.employee }),
  },
  'POST /api/complaints/{id}/improper': {
    allow: HQ_MANAGER,
    scope: 'project',
    body: () => ({ reason: '矩阵不当处理' }),
  },

  // ---- tasks ----
  'GET /api/task-categories': { allow: SIGNED_IN, scope: 'company' },
  'GET /api/tasks': { allow: STAFF, scope: 'list', query: pq },
  'POST /api/tasks': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({
      projectId: r.project,
      title: '矩阵任务',
      category: 'inspection',
      assigneeEmployeeId: r.employee,
      dueAt: '2030-01-01T00:00:00.000Z',
    }),
  },
  'GET /api/tasks/completion': {
    allow: STAFF,
    scope: 'project',
    query: (r) => `projectId=${r.project}&from=2026-11-01&to=2026-11-30`,
  },
  'GET /api/tasks/{id}': { allow: STAFF, scope: 'project' },
  'POST /api/tasks/{id}/actions/{action}': {
    allow: LEADS,
    scope: 'project',
    action: 'cancel',
    body: () => ({ result: '矩阵取消' }),
  },

  // ---- reminders: each user's own ----
  'GET /api/reminders': { allow: SIGNED_IN, scope: 'company' },
  'GET /api/reminders/count': { allow: SIGNED_IN, scope: 'company' },
  'POST /api/reminders/read-all': { allow: SIGNED_IN, scope: 'company' },
  'POST /api/reminders/{id}/read': { allow: SIGNED_IN, scope: 'project' },

  // ---- assessment ----
  'GET /api/assessment/metrics': { allow: STAFF, scope: 'company' },
  'GET /api/assessment/schemes': { allow: STAFF, scope: 'company' },
  'POST /api/assessment/schemes': {
    allow: HQ,
    scope: 'company',
    body: (r) => ({ name: '矩阵方案', positionCode: 'HOUSING-OFFICER', items: r.schemeItems }),
  },
  'GET /api/assessment/schemes/{id}': { allow: STAFF, scope: 'company' },
  'PUT /api/assessment/schemes/{id}': {
    allow: HQ,
    scope: 'company',
    body: (r) => ({ name: '矩阵方案', positionCode: 'HOUSING-OFFICER', items: r.schemeItems }),
  },
  'GET /api/assessment/settings': { allow: STAFF, scope: 'company' },
  'PUT /api/assessment/settings': {
    allow: HQ,
    scope: 'company',
    body: (r) => ({ periodStartDay: 1, appealDays: 5, version: r.version.settings }),
  },
  'GET /api/assessment/assessees': { allow: LEADS, scope: 'company' },
  'GET /api/assessments': { allow: STAFF, scope: 'list', query: pq },
  'POST /api/assessments': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ assesseeUserId: r.user, period: '2026-12' }),
  },
  'GET /api/assessments/{id}': { allow: STAFF, scope: 'project', cells: SHEET_HIDDEN },
  'POST /api/assessments/{id}/refresh': { allow: LEADS, scope: 'project', cells: SHEET_HIDDEN },
  'POST /api/assessments/{id}/manual-entries': {
    allow: LEADS,
    scope: 'project',
    cells: SHEET_HIDDEN,
    body: () => ({ ruleKey: '1:1', quantity: 1, reason: '矩阵' }),
  },
  'DELETE /api/assessments/{id}/manual-entries/{entryId}': {
    allow: LEADS,
    scope: 'project',
    cells: SHEET_HIDDEN,
  },
  'POST /api/assessments/{id}/publish': { allow: LEADS, scope: 'project', cells: SHEET_HIDDEN },
  'POST /api/assessments/{id}/finalize': { allow: LEADS, scope: 'project', cells: SHEET_HIDDEN },
  'POST /api/assessments/{id}/revisions': {
    allow: LEADS,
    scope: 'project',
    cells: SHEET_HIDDEN,
    body: () => ({ reason: '矩阵' }),
  },
  'POST /api/assessments/{id}/appeals': {
    allow: ['officer'],
    scope: 'project',
    cells: SHEET_HIDDEN,
    body: () => ({ rowKey: '1', reason: '矩阵申诉' }),
  },
  'GET /api/assessments/{id}/export': { allow: STAFF, scope: 'project', cells: SHEET_HIDDEN },
  'GET /api/assessment/appeals': { allow: STAFF, scope: 'company' },
  'GET /api/assessment/appeals/{id}': { allow: STAFF, scope: 'project', cells: SHEET_HIDDEN },
  'POST /api/assessment/appeals/{id}/decision': {
    allow: HQ_MANAGER,
    scope: 'project',
    cells: SHEET_HIDDEN,
    body: () => ({ decision: 'rejected', reason: '矩阵' }),
  },
  'GET /api/assessment/ranking': {
    allow: STAFF,
    scope: 'list',
    query: (r) => `period=2026-10&positionCode=HOUSING-OFFICER&projectId=${r.project}`,
  },
  'GET /api/assessment/trend': { allow: STAFF, scope: 'company' },

  // ---- the register ----
  'GET /api/property/tree': { allow: STAFF, scope: 'project', query: pq },
  'POST /api/property/sections': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ projectId: r.project, name: '矩阵标段' }),
  },
  'PUT /api/property/sections/{id}': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ projectId: r.project, name: '矩阵标段', version: r.version.section }),
  },
  'POST /api/property/buildings': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({ projectId: r.project, sectionId: r.section, name: '矩阵楼' }),
  },
  'PUT /api/property/buildings/{id}': {
    allow: LEADS,
    scope: 'project',
    body: (r) => ({
      projectId: r.project,
      sectionId: r.section,
      name: '矩阵楼',
      version: r.version.building,
    }),
  },
  'GET /api/property/buildings/{id}/units': { allow: STAFF, scope: 'project' },
  'GET /api/property/officer-areas': { allow: STAFF, scope: 'project', query: pq },
  'GET /api/property/buildings/{id}/officers': { allow: STAFF, scope: 'project' },
  'PUT /api/property/buildings/{id}/officer': {
    allow: LEADS,
    scope: 'project',
    body: () => ({ employeeId: null, fromDate: '2030-01-01' }),
  },
  // the owner: their own units only
  'GET /api/units': { allow: SIGNED_IN, scope: 'list', query: pq },
  'POST /api/units': { allow: LEADS, scope: 'project', body: unitBody },
  'GET /api/units/export': { allow: STAFF, scope: 'project', query: pq },
  // the unit named is not the owner's
  'GET /api/units/{id}': { allow: SIGNED_IN, scope: 'project', cells: none404('owner') },
  'PUT /api/units/{id}': { allow: LEADS, scope: 'project', body: unitBody },
  'POST /api/units/{id}/status': {
    allow: ['hq', 'manager', 'supervisor', 'officer'],
    scope: 'project',
    body: () => ({ status: 'renovating', fromDate: '2030-01-01' }),
  },
  'POST /api/units/{id}/people': { allow: STAFF, scope: 'project', body: personBody },
  'PUT /api/owners/{id}': {
    allow: STAFF,
    scope: 'project',
    body: (r) => ({ ...personBody(), version: r.version.person }),
  },
  'DELETE /api/owners/{id}': { allow: STAFF, scope: 'project' },
  'GET /api/owners': { allow: STAFF, scope: 'list', query: pq },
  'GET /api/owners/export': { allow: STAFF, scope: 'project', query: pq },
  'POST /api/property/owner-links': {
    allow: ['hq', 'manager', 'supervisor', 'frontdesk'],
    scope: 'project',
    body: (r) => ({ userId: r.ownerUser, unitId: r.unit }),
  },
  'DELETE /api/property/owner-links/{userId}/{unitId}': {
    allow: ['hq', 'manager', 'supervisor', 'frontdesk'],
    scope: 'project',
  },
  'GET /api/my/units': { allow: ['hq', 'owner'], scope: 'company' },
  // a blank workbook: no data in it
  'GET /api/property/import-template': { allow: SIGNED_IN, scope: 'company' },
  'POST /api/property/imports': {
    allow: LEADS,
    scope: 'project',
    upload: 'import',
    query: (r) => `projectId=${r.project}&mode=create&wait=true`,
  },
  'GET /api/property/imports/{id}': { allow: LEADS, scope: 'project' },

  // ---- first start: open to anyone until the company is set up, then closed for good ----
  'GET /api/setup/status': { allow: 'public', scope: 'company' },
  'POST /api/setup': {
    allow: 'public',
    scope: 'company',
    body: () => ({
      companyName: '矩阵物业',
      projectName: '矩阵项目',
      projectCode: 'MX02',
      adminUsername: 'matrix.admin',
      adminDisplayName: '矩阵管理员',
      adminPassword: 'matrix-pass-2026',
    }),
    // the demo company is set up: a second setup is refused to everybody
    cells: Object.fromEntries(PERSONAS.map((w) => [w, ['409', '409']])),
  },
  'GET /api/setup/checklist': { allow: HQ_MANAGER, scope: 'company' },
  'PUT /api/setup/checklist/{step}': { allow: HQ, scope: 'company', body: () => ({ confirmed: true }) },

  // ---- message channels (消息通道): the manager's, per project ----
  'GET /api/notify/channels': { allow: HQ_MANAGER, scope: 'list', query: pq },
  'POST /api/notify/channels': { allow: HQ_MANAGER, scope: 'project', body: (r) => channelBody(r) },
  'PUT /api/notify/channels/{id}': { allow: HQ_MANAGER, scope: 'project', body: (r) => channelBody(r) },
  'POST /api/notify/channels/{id}/test': { allow: HQ_MANAGER, scope: 'project' },
  'GET /api/notify/deliveries': {
    allow: HQ_MANAGER,
    scope: 'project',
    query: (r) => `channelId=${r.channel}`,
  },
  'GET /api/property/import-reports/{token}': { allow: LEADS, scope: 'project' },
};
