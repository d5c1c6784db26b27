/**
 * The service desk's client calls (repairs, complaints, tasks, reminders, calendar), their
 * query keys and their hooks. Types come from the server's TypeBox schemas (`import type`
 * only); mutations invalidate the keys of what they change, so pages never name a key.
 */
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCalendarDay, TCalendarDayInput } from '../../../server/modules/calendar/calendar.schemas.ts';
import type {
  TComplaintActionInput,
  TComplaintCategory,
  TComplaintDetail,
  TComplaintInput,
  TComplaintPage,
  TComplaintQuery,
  TRate,
  TRateQuery,
} from '../../../server/modules/complaint/complaint.schemas.ts';
import type { TReminderCount, TReminderList } from '../../../server/modules/reminder/reminder.schemas.ts';
import type {
  TRepairActionInput,
  TRepairCategory,
  TRepairCategoryInput,
  TRepairDetail,
  TRepairInput,
  TRepairPage,
  TRepairQuery,
  TReviewInput,
  TReviewListItem,
  TReviewPendingItem,
  TWeeklyReview,
} from '../../../server/modules/repair/repair.schemas.ts';
import type {
  TCompletionQuery,
  TTask,
  TTaskActionInput,
  TTaskCategories,
  TTaskCompletion,
  TTaskInput,
  TTaskPage,
  TTaskQuery,
} from '../../../server/modules/task/task.schemas.ts';
import { api } from './client.ts';

export type { TCalendarDay } from '../../../server/modules/calendar/calendar.schemas.ts';
export type {
  TComplaintCategory,
  TComplaintDetail,
  TComplaintInput,
  TComplaintListItem,
} from '../../../server/modules/complaint/complaint.schemas.ts';
export type { TReminder } from '../../../server/modules/reminder/reminder.schemas.ts';
export type {
  TRepairCategory,
  TRepairCategoryInput,
  TRepairDetail,
  TRepairInput,
  TRepairListItem,
  TReviewItem,
  TReviewListItem,
  TTimelineEntry,
  TWeeklyReview,
} from '../../../server/modules/repair/repair.schemas.ts';
export type { TTask, TTaskCategories, TTaskInput } from '../../../server/modules/task/task.schemas.ts';

/** a list's filters and paging as the page holds them (the server fills in the defaults) */
export type RepairQuery = Partial<TRepairQuery>;
export type ComplaintQuery = Partial<TComplaintQuery>;
export type TaskQuery = Partial<TTaskQuery>;

// ---- query keys: one factory per noun, so a mutation can refresh everything it touched ----
export const repairKeys = {
  all: ['repairs'] as const,
  list: (q: RepairQuery) => [...repairKeys.all, 'list', q] as const,
  /** the owner's own orders on the portal */
  mine: () => [...repairKeys.all, 'mine'] as const,
  detail: (id: number) => [...repairKeys.all, 'detail', id] as const,
  categories: ['repair-categories'] as const,
  reviews: ['repair-reviews'] as const,
  review: (projectId: number | undefined, weekStart: string) =>
    [...repairKeys.reviews, 'week', projectId, weekStart] as const,
  reviewList: (projectId: number | undefined) => [...repairKeys.reviews, 'list', projectId] as const,
  reviewPending: (projectId: number | undefined) => [...repairKeys.reviews, 'pending', projectId] as const,
};
export const complaintKeys = {
  all: ['complaints'] as const,
  list: (q: ComplaintQuery) => [...complaintKeys.all, 'list', q] as const,
  mine: () => [...complaintKeys.all, 'mine'] as const,
  detail: (id: number) => [...complaintKeys.all, 'detail', id] as const,
  rate: (q: TRateQuery) => [...complaintKeys.all, 'rate', q] as const,
  categories: ['complaint-categories'] as const,
};
export const taskKeys = {
  all: ['tasks'] as const,
  list: (q: TaskQuery) => [...taskKeys.all, 'list', q] as const,
  detail: (id: number) => [...taskKeys.all, 'detail', id] as const,
  completion: (q: Partial<TCompletionQuery>) => [...taskKeys.all, 'completion', q] as const,
  categories: ['task-categories'] as const,
};
export const reminderKeys = {
  all: ['reminders'] as const,
  list: () => [...reminderKeys.all, 'list'] as const,
  count: () => [...reminderKeys.all, 'count'] as const,
};
export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => [...calendarKeys.all, 'year', year] as const,
};

export const sdApi = {
  repairCategories: () => api.get<TRepairCategory[]>('/repair-categories'),
  saveRepairCategory: (id: number, body: TRepairCategoryInput) =>
    api.put<TRepairCategory>(`/repair-categories/${id}`, body),
  repairs: (q: RepairQuery) => api.get<TRepairPage>('/repairs', q),
  repair: (id: number) => api.get<TRepairDetail>(`/repairs/${id}`),
  createRepair: (body: TRepairInput) => api.post<TRepairDetail>('/repairs', body),
  repairAction: (id: number, action: string, body: TRepairActionInput) =>
    api.post<TRepairDetail>(`/repairs/${id}/actions/${action}`, body),
  uploadPhoto: (id: number, file: File, stage: 'report' | 'completion' = 'report') => {
    const form = new FormData();
    form.append('file', file);
    return api.post<{ id: number; url: string }>(`/repairs/${id}/photos?stage=${stage}`, form);
  },
  repairExportHref: (q: RepairQuery) => api.href('/repairs/export', q),
  reviewWeek: (projectId: number, weekStart: string) =>
    api.get<TWeeklyReview>('/repair-reviews/week', { projectId, weekStart }),
  reviews: (projectId?: number) => api.get<TReviewListItem[]>('/repair-reviews', { projectId }),
  reviewPending: (projectId: number) =>
    api.get<TReviewPendingItem[]>('/repair-reviews/pending', { projectId }),
  submitReview: (body: TReviewInput) => api.post<TWeeklyReview>('/repair-reviews', body),
  acknowledgeReview: (id: number, comment?: string) =>
    api.post<TWeeklyReview>(`/repair-reviews/${id}/acknowledge`, { comment }),

  complaintCategories: () => api.get<TComplaintCategory[]>('/complaint-categories'),
  complaints: (q: ComplaintQuery) => api.get<TComplaintPage>('/complaints', q),
  complaint: (id: number) => api.get<TComplaintDetail>(`/complaints/${id}`),
  createComplaint: (body: TComplaintInput) => api.post<TComplaintDetail>('/complaints', body),
  complaintAction: (id: number, action: string, body: TComplaintActionInput) =>
    api.post<TComplaintDetail>(`/complaints/${id}/actions/${action}`, body),
  markImproper: (id: number, reason: string) =>
    api.post<TComplaintDetail>(`/complaints/${id}/improper`, { reason }),
  complaintRate: (q: TRateQuery) => api.get<TRate[]>('/complaints/rate', q),

  taskCategories: () => api.get<TTaskCategories>('/task-categories'),
  tasks: (q: TaskQuery) => api.get<TTaskPage>('/tasks', q),
  task: (id: number) => api.get<TTask>(`/tasks/${id}`),
  createTask: (body: TTaskInput) => api.post<TTask>('/tasks', body),
  taskAction: (id: number, action: string, body: TTaskActionInput) =>
    api.post<TTask>(`/tasks/${id}/actions/${action}`, body),
  taskCompletion: (q: TCompletionQuery) => api.get<TTaskCompletion[]>('/tasks/completion', q),

  reminders: () => api.get<TReminderList>('/reminders'),
  reminderCount: () => api.get<TReminderCount>('/reminders/count'),
  readReminder: (id: number) => api.post<{ ok: boolean }>(`/reminders/${id}/read`),
  readAllReminders: () => api.post<{ updated: number }>('/reminders/read-all'),

  calendarDays: (year: number) => api.get<TCalendarDay[]>('/calendar/days', { year }),
  setCalendarDay: (date: string, body: TCalendarDayInput) =>
    api.put<TCalendarDay>(`/calendar/days/${date}`, body),
  clearCalendarDay: (date: string) => api.delete<{ ok: boolean }>(`/calendar/days/${date}`),
};

/** A mutation that refreshes the given keys once it succeeded. */
function useInvalidatingMutation<V, R>(fn: (vars: V) => Promise<R>, keys: (vars: V) => QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_data, vars) =>
      Promise.all(keys(vars).map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

// ---- repairs ----
export function useRepairCategories() {
  return useQuery({ queryKey: repairKeys.categories, queryFn: sdApi.repairCategories, staleTime: 300_000 });
}
export function useSaveRepairCategory() {
  return useInvalidatingMutation(
    (v: { id: number; body: TRepairCategoryInput }) => sdApi.saveRepairCategory(v.id, v.body),
    () => [repairKeys.categories],
  );
}
export function useRepair(id: number) {
  return useQuery({ queryKey: repairKeys.detail(id), queryFn: () => sdApi.repair(id) });
}
/** the portal's "my repairs": the server shows an owner their own orders only */
export function useMyRepairs() {
  return useQuery({ queryKey: repairKeys.mine(), queryFn: () => sdApi.repairs({ pageSize: 20 }) });
}
export function useCreateRepair() {
  return useInvalidatingMutation(sdApi.createRepair, () => [repairKeys.all, repairKeys.reviews]);
}
export function useRepairAction() {
  return useInvalidatingMutation(
    (v: { id: number; action: string; body: TRepairActionInput }) =>
      sdApi.repairAction(v.id, v.action, v.body),
    () => [repairKeys.all, repairKeys.reviews],
  );
}
export function useUploadRepairPhoto() {
  return useInvalidatingMutation(
    (v: { id: number; file: File; stage?: 'report' | 'completion' }) =>
      sdApi.uploadPhoto(v.id, v.file, v.stage),
    (v) => [repairKeys.detail(v.id)],
  );
}
export function useRepairReview(projectId: number | undefined, weekStart: string) {
  return useQuery({
    queryKey: repairKeys.review(projectId, weekStart),
    queryFn: () => sdApi.reviewWeek(projectId!, weekStart),
    enabled: !!projectId,
  });
}
export function useRepairReviews(projectId: number | undefined) {
  return useQuery({
    queryKey: repairKeys.reviewList(projectId),
    queryFn: () => sdApi.reviews(projectId),
    enabled: !!projectId,
  });
}
export function useRepairReviewPending(projectId: number | undefined) {
  return useQuery({
    queryKey: repairKeys.reviewPending(projectId),
    queryFn: () => sdApi.reviewPending(projectId!),
    enabled: !!projectId,
  });
}
export function useSubmitReview() {
  return useInvalidatingMutation(sdApi.submitReview, () => [repairKeys.reviews, reminderKeys.all]);
}
export function useAcknowledgeReview() {
  return useInvalidatingMutation(
    (v: { id: number; comment?: string }) => sdApi.acknowledgeReview(v.id, v.comment),
    () => [repairKeys.reviews],
  );
}

// ---- complaints ----
export function useComplaintCategories() {
  return useQuery({
    queryKey: complaintKeys.categories,
    queryFn: sdApi.complaintCategories,
    staleTime: 300_000,
  });
}
export function useComplaint(id: number) {
  return useQuery({ queryKey: complaintKeys.detail(id), queryFn: () => sdApi.complaint(id) });
}
export function useMyComplaints() {
  return useQuery({ queryKey: complaintKeys.mine(), queryFn: () => sdApi.complaints({ pageSize: 20 }) });
}
export function useComplaintRate(q: TRateQuery) {
  return useQuery({ queryKey: complaintKeys.rate(q), queryFn: () => sdApi.complaintRate(q) });
}
export function useCreateComplaint() {
  return useInvalidatingMutation(sdApi.createComplaint, () => [complaintKeys.all]);
}
/** a move of the complaint's state machine, or the manager's 处理不当 mark */
export function useComplaintAction() {
  return useInvalidatingMutation(
    (v: { id: number; action: string; body: TComplaintActionInput & { reason?: string } }) =>
      v.action === 'markImproper'
        ? sdApi.markImproper(v.id, v.body.reason ?? '')
        : sdApi.complaintAction(v.id, v.action, v.body),
    () => [complaintKeys.all],
  );
}

// ---- tasks ----
export function useTaskCategories() {
  return useQuery({ queryKey: taskKeys.categories, queryFn: sdApi.taskCategories, staleTime: 300_000 });
}
export function useTask(id: number) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: () => sdApi.task(id) });
}
export function useTaskCompletion(q: Partial<TCompletionQuery>) {
  return useQuery({
    queryKey: taskKeys.completion(q),
    queryFn: () => sdApi.taskCompletion(q as TCompletionQuery),
    enabled: !!q.projectId,
  });
}
export function useCreateTask() {
  return useInvalidatingMutation(sdApi.createTask, () => [taskKeys.all]);
}
export function useTaskAction() {
  return useInvalidatingMutation(
    (v: { id: number; action: string; body: TTaskActionInput }) => sdApi.taskAction(v.id, v.action, v.body),
    () => [taskKeys.all],
  );
}

// ---- reminders ----
export function useReminders() {
  return useQuery({ queryKey: reminderKeys.list(), queryFn: sdApi.reminders });
}
/** the bell's count, refreshed every minute */
export function useReminderCount() {
  return useQuery({ queryKey: reminderKeys.count(), queryFn: sdApi.reminderCount, refetchInterval: 60_000 });
}
export function useReadReminder() {
  return useInvalidatingMutation(sdApi.readReminder, () => [reminderKeys.all]);
}
export function useReadAllReminders() {
  return useInvalidatingMutation(sdApi.readAllReminders, () => [reminderKeys.all]);
}

// ---- working calendar ----
export function useCalendarDays(year: number) {
  return useQuery({ queryKey: calendarKeys.year(year), queryFn: () => sdApi.calendarDays(year) });
}
export function useSetCalendarDay() {
  return useInvalidatingMutation(
    (v: { date: string; body: TCalendarDayInput }) => sdApi.setCalendarDay(v.date, v.body),
    () => [calendarKeys.all],
  );
}
export function useClearCalendarDay() {
  return useInvalidatingMutation(sdApi.clearCalendarDay, () => [calendarKeys.all]);
}
