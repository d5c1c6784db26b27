import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  LineChartOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  ProjectOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Access, AccessFlag } from './access.ts';
import { lazyPage } from './lazy-page.tsx';

// every page is its own chunk, loaded when first opened: the login page downloads none of them
const ChannelsPage = lazyPage(() => import('./pages/admin/ChannelsPage.tsx'), 'ChannelsPage');
const ProjectsPage = lazyPage(() => import('./pages/admin/ProjectsPage.tsx'), 'ProjectsPage');
const UsersPage = lazyPage(() => import('./pages/admin/UsersPage.tsx'), 'UsersPage');
const AppealRedirect = lazyPage(() => import('./pages/assessment/AppealsPage.tsx'), 'AppealRedirect');
const AppealsPage = lazyPage(() => import('./pages/assessment/AppealsPage.tsx'), 'AppealsPage');
const PrintPage = lazyPage(() => import('./pages/assessment/PrintPage.tsx'), 'PrintPage');
const RankingPage = lazyPage(() => import('./pages/assessment/RankingPage.tsx'), 'RankingPage');
const SchemesPage = lazyPage(() => import('./pages/assessment/SchemesPage.tsx'), 'SchemesPage');
const SheetPage = lazyPage(() => import('./pages/assessment/SheetPage.tsx'), 'SheetPage');
const SheetsPage = lazyPage(() => import('./pages/assessment/SheetsPage.tsx'), 'SheetsPage');
const TrendPage = lazyPage(() => import('./pages/assessment/TrendPage.tsx'), 'TrendPage');
const HomePage = lazyPage(() => import('./pages/home/HomePage.tsx'), 'HomePage');
const PortalHome = lazyPage(() => import('./pages/portal/PortalHome.tsx'), 'PortalHome');
const PortalComplaintDetail = lazyPage(
  () => import('./pages/portal/PortalServiceDesk.tsx'),
  'PortalComplaintDetail',
);
const PortalComplaintNew = lazyPage(
  () => import('./pages/portal/PortalServiceDesk.tsx'),
  'PortalComplaintNew',
);
const PortalRepairDetail = lazyPage(
  () => import('./pages/portal/PortalServiceDesk.tsx'),
  'PortalRepairDetail',
);
const PortalRepairNew = lazyPage(() => import('./pages/portal/PortalServiceDesk.tsx'), 'PortalRepairNew');
const ImportPage = lazyPage(() => import('./pages/property/ImportPage.tsx'), 'ImportPage');
const OfficerAreasPage = lazyPage(() => import('./pages/property/OfficerAreasPage.tsx'), 'OfficerAreasPage');
const RegisterPage = lazyPage(() => import('./pages/property/RegisterPage.tsx'), 'RegisterPage');
const UnitPage = lazyPage(() => import('./pages/property/UnitPage.tsx'), 'UnitPage');
const CalendarPage = lazyPage(() => import('./pages/servicedesk/CalendarPage.tsx'), 'CalendarPage');
const ComplaintDetailPage = lazyPage(
  () => import('./pages/servicedesk/ComplaintDetailPage.tsx'),
  'ComplaintDetailPage',
);
const ComplaintsPage = lazyPage(() => import('./pages/servicedesk/ComplaintsPage.tsx'), 'ComplaintsPage');
const RemindersPage = lazyPage(() => import('./pages/servicedesk/RemindersPage.tsx'), 'RemindersPage');
const RepairCategoriesPage = lazyPage(
  () => import('./pages/servicedesk/RepairCategoriesPage.tsx'),
  'RepairCategoriesPage',
);
const RepairDetailPage = lazyPage(
  () => import('./pages/servicedesk/RepairDetailPage.tsx'),
  'RepairDetailPage',
);
const RepairReviewPage = lazyPage(
  () => import('./pages/servicedesk/RepairReviewPage.tsx'),
  'RepairReviewPage',
);
const RepairsPage = lazyPage(() => import('./pages/servicedesk/RepairsPage.tsx'), 'RepairsPage');
const TaskDetailPage = lazyPage(() => import('./pages/servicedesk/TaskDetailPage.tsx'), 'TaskDetailPage');
const TasksPage = lazyPage(() => import('./pages/servicedesk/TasksPage.tsx'), 'TasksPage');
const ChecklistPage = lazyPage(() => import('./pages/setup/ChecklistPage.tsx'), 'ChecklistPage');
const EmployeesPage = lazyPage(() => import('./pages/staff/EmployeesPage.tsx'), 'EmployeesPage');
const PositionPage = lazyPage(() => import('./pages/staff/PositionPage.tsx'), 'PositionPage');
const PositionsPage = lazyPage(() => import('./pages/staff/PositionsPage.tsx'), 'PositionsPage');
const TeamsPage = lazyPage(() => import('./pages/staff/TeamsPage.tsx'), 'TeamsPage');

/** Menu groups, in menu order. A module adds its group here if it needs a new one. */
export const menuGroups: { key: string; labelKey: string; icon: ReactNode }[] = [
  { key: 'servicedesk', labelKey: 'servicedesk.menu.group', icon: <CustomerServiceOutlined /> },
  { key: 'property', labelKey: 'property.menu.group', icon: <HomeOutlined /> },
  { key: 'org', labelKey: 'common.menu.org', icon: <ApartmentOutlined /> },
  { key: 'assessment', labelKey: 'assessment.menu.group', icon: <AuditOutlined /> },
  { key: 'admin', labelKey: 'common.menu.admin', icon: <SettingOutlined /> },
];

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** the flag of web/src/access.ts that lets a user open it. Absent: every staff role (`isStaff`) */
  access?: AccessFlag;
  /** shown in the side menu: under a group, or at the top level */
  menu?: { labelKey: string; icon?: ReactNode; group?: string };
}

/**
 * Every page of the staff app, with who may open it and where it sits in the menu — menus and
 * routes are declared once, here. Add one line per page.
 */
export const appRoutes: AppRoute[] = [
  {
    path: '/',
    element: <HomePage />,
    menu: { labelKey: 'common.menu.home', icon: <DashboardOutlined /> },
  },
  {
    path: '/servicedesk/repairs',
    element: <RepairsPage />,
    menu: { labelKey: 'servicedesk.menu.repairs', icon: <ToolOutlined />, group: 'servicedesk' },
  },
  { path: '/servicedesk/repairs/:id', element: <RepairDetailPage /> },
  {
    path: '/servicedesk/reviews',
    element: <RepairReviewPage />,
    access: 'canOpenRepairReview',
    menu: { labelKey: 'servicedesk.menu.reviews', icon: <AuditOutlined />, group: 'servicedesk' },
  },
  {
    path: '/servicedesk/complaints',
    element: <ComplaintsPage />,
    menu: { labelKey: 'servicedesk.menu.complaints', icon: <CommentOutlined />, group: 'servicedesk' },
  },
  { path: '/servicedesk/complaints/:id', element: <ComplaintDetailPage /> },
  { path: '/servicedesk/tasks/:id', element: <TaskDetailPage /> },
  {
    path: '/servicedesk/tasks',
    element: <TasksPage />,
    menu: { labelKey: 'servicedesk.menu.tasks', icon: <CarryOutOutlined />, group: 'servicedesk' },
  },
  {
    path: '/servicedesk/reminders',
    element: <RemindersPage />,
    menu: { labelKey: 'servicedesk.menu.reminders', icon: <BellOutlined />, group: 'servicedesk' },
  },
  {
    path: '/property/register',
    element: <RegisterPage />,
    menu: { labelKey: 'property.menu.register', icon: <HomeOutlined />, group: 'property' },
  },
  { path: '/property/units/:id', element: <UnitPage /> },
  {
    path: '/property/import',
    element: <ImportPage />,
    access: 'canImportProperty',
    menu: { labelKey: 'property.menu.import', icon: <ImportOutlined />, group: 'property' },
  },
  {
    path: '/property/areas',
    element: <OfficerAreasPage />,
    menu: { labelKey: 'property.menu.areas', icon: <PartitionOutlined />, group: 'property' },
  },
  {
    path: '/staff/employees',
    element: <EmployeesPage />,
    menu: { labelKey: 'common.menu.employees', icon: <UserOutlined />, group: 'org' },
  },
  {
    path: '/staff/positions',
    element: <PositionsPage />,
    menu: { labelKey: 'common.menu.positions', icon: <IdcardOutlined />, group: 'org' },
  },
  { path: '/staff/positions/:id', element: <PositionPage /> },
  {
    path: '/staff/teams',
    element: <TeamsPage />,
    menu: { labelKey: 'common.menu.teams', icon: <TeamOutlined />, group: 'org' },
  },
  {
    path: '/assessment/sheets',
    element: <SheetsPage />,
    menu: { labelKey: 'assessment.menu.sheets', icon: <FormOutlined />, group: 'assessment' },
  },
  { path: '/assessment/sheets/:id', element: <SheetPage /> },
  { path: '/assessment/sheets/:id/print', element: <PrintPage /> },
  {
    path: '/assessment/appeals',
    element: <AppealsPage />,
    menu: { labelKey: 'assessment.menu.appeals', icon: <FileProtectOutlined />, group: 'assessment' },
  },
  { path: '/assessment/appeals/:id', element: <AppealRedirect /> },
  {
    path: '/assessment/ranking',
    element: <RankingPage />,
    access: 'canViewRanking',
    menu: { labelKey: 'assessment.menu.ranking', icon: <OrderedListOutlined />, group: 'assessment' },
  },
  {
    path: '/assessment/trend',
    element: <TrendPage />,
    menu: { labelKey: 'assessment.menu.trend', icon: <LineChartOutlined />, group: 'assessment' },
  },
  {
    path: '/assessment/schemes',
    element: <SchemesPage />,
    access: 'canViewSchemes',
    menu: { labelKey: 'assessment.menu.schemes', icon: <BarChartOutlined />, group: 'assessment' },
  },
  {
    path: '/admin/channels',
    element: <ChannelsPage />,
    access: 'canManageChannels',
    menu: { labelKey: 'notify.title', icon: <NotificationOutlined />, group: 'admin' },
  },
  { path: '/setup/checklist', element: <ChecklistPage />, access: 'canViewSetupChecklist' },
  {
    path: '/admin/users',
    element: <UsersPage />,
    access: 'canManageUsers',
    menu: { labelKey: 'common.menu.users', icon: <UserOutlined />, group: 'admin' },
  },
  {
    path: '/admin/repair-categories',
    element: <RepairCategoriesPage />,
    access: 'canManageRepairCategories',
    menu: { labelKey: 'servicedesk.categories.title', icon: <TagsOutlined />, group: 'admin' },
  },
  {
    path: '/admin/calendar',
    element: <CalendarPage />,
    access: 'canManageCalendar',
    menu: { labelKey: 'servicedesk.calendar.title', icon: <CalendarOutlined />, group: 'admin' },
  },
  {
    path: '/admin/projects',
    element: <ProjectsPage />,
    access: 'canManageProjects',
    menu: { labelKey: 'common.menu.projects', icon: <ProjectOutlined />, group: 'admin' },
  },
];

/** The owner portal (业主端): phone-sized pages under /portal. */
export const portalRoutes: AppRoute[] = [
  { path: '/portal', element: <PortalHome /> },
  { path: '/portal/repairs/new', element: <PortalRepairNew /> },
  { path: '/portal/repairs/:id', element: <PortalRepairDetail /> },
  { path: '/portal/complaints/new', element: <PortalComplaintNew /> },
  { path: '/portal/complaints/:id', element: <PortalComplaintDetail /> },
  { path: '/portal/units/:id', element: <UnitPage /> },
];

export function canOpen(route: AppRoute, access: Access): boolean {
  return access[route.access ?? 'isStaff'];
}
