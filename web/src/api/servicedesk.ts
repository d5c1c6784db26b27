import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';

export interface RepairCategory {
  id: number;
  code: string;
  name: string;
  dispatchAmount: number;
  dispatchUnit: string;
  completeAmount: number;
  completeUnit: string;
  responsible: string;
  active: boolean;
}
export interface RepairItem {
  id: number;
  code: string;
  projectId: number;
  location: string;
  reporterName: string;
  categoryId: number;
  categoryName: string;
  priority: string;
  status: string;
  channel: string;
  assigneeName: string | null;
  dispatchDueAt: string;
  completeDueAt: string;
  createdAt: string;
  overdue: boolean;
}
export interface TimelineEntry {
  at: string;
  userName: string | null;
  action: string;
  after: Record<string, unknown> | null;
}
export interface RepairDetail extends RepairItem {
  projectName: string;
  reporterPhone: string | null;
  description: string;
  teamName: string | null;
  department: string | null;
  responsible: string;
  dispatchedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  visitedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  result: string | null;
  rating: number | null;
  visitComment: string | null;
  dispatchOverdue: boolean;
  completeOverdue: boolean;
  reopenCount: number;
  photos: { id: number; stage: string; fileName: string; url: string; size: number }[];
  actions: string[];
  timeline: TimelineEntry[];
}
export interface ComplaintItem {
  id: number;
  code: string;
  projectId: number;
  complainantName: string;
  categoryName: string;
  content: string;
  status: string;
  channel: string;
  handlerName: string | null;
  responseDueAt: string;
  createdAt: string;
  overdue: boolean;
  improper: boolean;
}
export interface ComplaintDetail extends ComplaintItem {
  projectName: string;
  complainantPhone: string | null;
  respondedAt: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  visitedAt: string | null;
  satisfaction: string | null;
  visitComment: string | null;
  improperReason: string | null;
  improperAt: string | null;
  records: { id: number; at: string; userName: string; note: string }[];
  actions: string[];
  canMarkImproper: boolean;
  timeline: TimelineEntry[];
}
export interface Task {
  id: number;
  code: string;
  projectId: number;
  title: string;
  description: string | null;
  category: string;
  source: string;
  assigneeEmployeeId: number;
  assigneeName: string | null;
  status: string;
  dueAt: string;
  completedAt: string | null;
  result: string | null;
  overdue: boolean;
  actions: string[];
}
export interface Reminder {
  id: number;
  entity: string;
  entityId: string;
  kind: string;
  title: string;
  dueAt: string | null;
  createdAt: string;
  read: boolean;
}
export interface WeeklyReview {
  id: number | null;
  projectId: number;
  weekStart: string;
  weekEnd: string;
  status: 'draft' | 'submitted' | 'acknowledged';
  summary: string | null;
  content: {
    counts: { created: number; done: number; overdue: number; unfinished: number };
    created: ReviewItem[];
    done: ReviewItem[];
    overdue: ReviewItem[];
    unfinished: (ReviewItem & { reason: string })[];
  };
  managerComment: string | null;
}
export interface ReviewItem {
  id: number;
  code: string;
  location: string;
  categoryName?: string;
  status: string;
}
type Q = Record<string, string | number | boolean | undefined>;

export const sdApi = {
  repairCategories: () => api.get<RepairCategory[]>('/repair-categories'),
  saveRepairCategory: (id: number, body: Omit<RepairCategory, 'id' | 'code'>) =>
    api.put<RepairCategory>(`/repair-categories/${id}`, body),
  repairs: (q: Q) => api.get<Page<RepairItem>>('/repairs', q),
  repair: (id: number) => api.get<RepairDetail>(`/repairs/${id}`),
  createRepair: (body: unknown) => api.post<RepairDetail>('/repairs', body),
  repairAction: (id: number, action: string, body: unknown) =>
    api.post<RepairDetail>(`/repairs/${id}/actions/${action}`, body),
  uploadPhoto: (id: number, file: File, stage = 'report') => {
    const form = new FormData();
    form.append('file', file);
    return api.post<{ id: number; url: string }>(`/repairs/${id}/photos?stage=${stage}`, form);
  },
  repairExportHref: (q: Q) => api.href('/repairs/export', q),
  reviewWeek: (projectId: number, weekStart: string) =>
    api.get<WeeklyReview>('/repair-reviews/week', { projectId, weekStart }),
  reviews: (projectId?: number) =>
    api.get<(WeeklyReview & { projectName: string; counts: WeeklyReview['content']['counts'] })[]>(
      '/repair-reviews',
      { projectId },
    ),
  reviewPending: (projectId: number) =>
    api.get<(ReviewItem & { reason: string; weekStart: string })[]>('/repair-reviews/pending', { projectId }),
  submitReview: (body: unknown) => api.post<WeeklyReview>('/repair-reviews', body),
  acknowledgeReview: (id: number, comment?: string) =>
    api.post(`/repair-reviews/${id}/acknowledge`, { comment }),

  complaintCategories: () => api.get<{ id: number; name: string }[]>('/complaint-categories'),
  complaints: (q: Q) => api.get<Page<ComplaintItem>>('/complaints', q),
  complaint: (id: number) => api.get<ComplaintDetail>(`/complaints/${id}`),
  createComplaint: (body: unknown) => api.post<ComplaintDetail>('/complaints', body),
  complaintAction: (id: number, action: string, body: unknown) =>
    api.post<ComplaintDetail>(`/complaints/${id}/actions/${action}`, body),
  markImproper: (id: number, reason: string) =>
    api.post<ComplaintDetail>(`/complaints/${id}/improper`, { reason }),
  complaintRate: (q: Q) =>
    api.get<
      {
        projectId: number;
        projectName: string;
        complaints: number;
        households: number;
        ratePercent: number | null;
      }[]
    >('/complaints/rate', q),

  taskCategories: () =>
    api.get<{ categories: Record<string, string>; sources: Record<string, string> }>('/task-categories'),
  tasks: (q: Q) => api.get<Page<Task>>('/tasks', q),
  task: (id: number) => api.get<Task>(`/tasks/${id}`),
  createTask: (body: unknown) => api.post<Task>('/tasks', body),
  taskAction: (id: number, action: string, body: unknown) =>
    api.post<Task>(`/tasks/${id}/actions/${action}`, body),
  taskCompletion: (q: Q) =>
    api.get<{ category: string; label: string; due: number; onTime: number; ratePercent: number }[]>(
      '/tasks/completion',
      q,
    ),

  reminders: () => api.get<{ unread: number; items: Reminder[] }>('/reminders'),
  reminderCount: () => api.get<{ unread: number }>('/reminders/count'),
  readReminder: (id: number) => api.post(`/reminders/${id}/read`),
  readAllReminders: () => api.post('/reminders/read-all'),
};

export function useRepairCategories() {
  return useQuery({ queryKey: ['repair-categories'], queryFn: sdApi.repairCategories, staleTime: 300_000 });
}
export function useComplaintCategories() {
  return useQuery({
    queryKey: ['complaint-categories'],
    queryFn: sdApi.complaintCategories,
    staleTime: 300_000,
  });
}
export function useTaskCategories() {
  return useQuery({ queryKey: ['task-categories'], queryFn: sdApi.taskCategories, staleTime: 300_000 });
}
