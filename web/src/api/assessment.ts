import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppealStatus } from '../../../server/modules/assessment/assessment.constants.ts';
import type {
  TAssessee,
  TRanking,
  TRankingQuery,
  TTrend,
  TTrendQuery,
} from '../../../server/modules/assessment/assessment.reports.schemas.ts';
import type {
  TAppeal,
  TAppealDecision,
  TAppealInput,
  TAppealListItem,
  TAppealRef,
  TAssessmentCreate,
  TAssessmentPage,
  TAssessmentQuery,
  TAssessmentSummary,
  TDeductionRow,
  TManualEntryInput,
  TRecordRef,
  TScheme,
  TSchemeInput,
  TSchemeItem,
  TSchemeRule,
  TSettings,
  TSettingsOut,
  TSheet,
} from '../../../server/modules/assessment/assessment.schemas.ts';
import { auditKeys } from './audit.ts';
import { api } from './client.ts';

export type {
  AppealStatus,
  AssessmentStatus,
  SheetAction,
} from '../../../server/modules/assessment/assessment.constants.ts';
export {
  APPEAL_STATUSES,
  ASSESSMENT_STATUSES,
} from '../../../server/modules/assessment/assessment.constants.ts';
export type RecordRef = TRecordRef;
export type SchemeRule = TSchemeRule;
export type SchemeItem = TSchemeItem;
export type Scheme = TScheme;
export type AssessmentSummary = TAssessmentSummary;
export type DeductionRow = TDeductionRow;
export type Appeal = TAppeal;
export type Sheet = TSheet;
export type Assessee = TAssessee;
export type AppealListItem = TAppealListItem;
export type Settings = TSettingsOut;
export type LocalText = TSheet['metricLabels'][string];
export type AssessmentQuery = Partial<TAssessmentQuery>;

export const assessmentKeys = {
  all: ['assessment'] as const,
  schemes: () => [...assessmentKeys.all, 'schemes'] as const,
  settings: () => [...assessmentKeys.all, 'settings'] as const,
  assessees: (projectId?: number) => [...assessmentKeys.all, 'assessees', projectId ?? 'all'] as const,
  list: (query: AssessmentQuery) => [...assessmentKeys.all, 'list', query] as const,
  sheet: (id: number) => [...assessmentKeys.all, 'sheet', id] as const,
  appeals: (status?: AppealStatus) => [...assessmentKeys.all, 'appeals', status ?? 'all'] as const,
  appeal: (id: number) => [...assessmentKeys.all, 'appeal', id] as const,
  ranking: (query: Partial<TRankingQuery>) => [...assessmentKeys.all, 'ranking', query] as const,
  trend: (query: Partial<TTrendQuery>) => [...assessmentKeys.all, 'trend', query] as const,
};

export const assessmentApi = {
  schemes: () => api.get<TScheme[]>('/assessment/schemes'),
  saveScheme: (id: number, body: TSchemeInput) => api.put<TScheme>(`/assessment/schemes/${id}`, body),
  settings: () => api.get<TSettingsOut>('/assessment/settings'),
  saveSettings: (body: TSettings) => api.put<TSettingsOut>('/assessment/settings', body),
  assessees: (projectId?: number) => api.get<TAssessee[]>('/assessment/assessees', { projectId }),
  list: (query: AssessmentQuery) => api.get<TAssessmentPage>('/assessments', query),
  get: (id: number) => api.get<TSheet>(`/assessments/${id}`),
  create: (body: TAssessmentCreate) => api.post<TSheet>('/assessments', body),
  refresh: (id: number) => api.post<TSheet>(`/assessments/${id}/refresh`),
  publish: (id: number) => api.post<TSheet>(`/assessments/${id}/publish`),
  finalize: (id: number) => api.post<TSheet>(`/assessments/${id}/finalize`),
  revise: (id: number, reason: string) => api.post<TSheet>(`/assessments/${id}/revisions`, { reason }),
  addManual: (id: number, body: TManualEntryInput) =>
    api.post<TSheet>(`/assessments/${id}/manual-entries`, body),
  deleteManual: (id: number, entryId: number) =>
    api.delete<TSheet>(`/assessments/${id}/manual-entries/${entryId}`),
  appeal: (id: number, body: TAppealInput) => api.post<TSheet>(`/assessments/${id}/appeals`, body),
  decide: (appealId: number, body: TAppealDecision) =>
    api.post<TSheet>(`/assessment/appeals/${appealId}/decision`, body),
  appeals: (status?: AppealStatus) => api.get<TAppealListItem[]>('/assessment/appeals', { status }),
  appealLocation: (id: number) => api.get<TAppealRef>(`/assessment/appeals/${id}`),
  ranking: (query: TRankingQuery) => api.get<TRanking>('/assessment/ranking', query),
  trend: (query: Partial<TTrendQuery>) => api.get<TTrend>('/assessment/trend', query),
  exportHref: (id: number) => api.href(`/assessments/${id}/export`),
};

// ---- queries ----

export function useSchemes() {
  return useQuery({ queryKey: assessmentKeys.schemes(), queryFn: assessmentApi.schemes, staleTime: 60_000 });
}
export function useAssessmentSettings() {
  return useQuery({
    queryKey: assessmentKeys.settings(),
    queryFn: assessmentApi.settings,
    staleTime: 60_000,
  });
}
export function useAssessees(projectId?: number, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.assessees(projectId),
    queryFn: () => assessmentApi.assessees(projectId),
    enabled,
  });
}
export function useSheet(id: number) {
  return useQuery({ queryKey: assessmentKeys.sheet(id), queryFn: () => assessmentApi.get(id) });
}
export function useAppeals(status?: AppealStatus) {
  return useQuery({ queryKey: assessmentKeys.appeals(status), queryFn: () => assessmentApi.appeals(status) });
}
export function useAppealLocation(id: number) {
  return useQuery({ queryKey: assessmentKeys.appeal(id), queryFn: () => assessmentApi.appealLocation(id) });
}
/** 排名: asks only once a period and a position are chosen. */
export function useRanking(query: Partial<TRankingQuery>) {
  return useQuery({
    queryKey: assessmentKeys.ranking(query),
    queryFn: () => assessmentApi.ranking(query as TRankingQuery),
    enabled: !!query.period && !!query.positionCode,
  });
}
export function useTrend(query: Partial<TTrendQuery>) {
  return useQuery({ queryKey: assessmentKeys.trend(query), queryFn: () => assessmentApi.trend(query) });
}

// ---- mutations ----

/** Every mutation of a sheet shares this key: the sheet page is busy while one runs. */
export const sheetMutationKey = [...assessmentKeys.all, 'sheet-mutation'] as const;

/**
 * A change to a sheet answers with the sheet itself: it is shown at once, and the lists, appeals,
 * rankings and histories that may show it are asked again.
 */
function useSheetMutation<V>(mutationFn: (vars: V) => Promise<TSheet>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sheetMutationKey,
    mutationFn,
    onSuccess: (next) => {
      const key = assessmentKeys.sheet(next.assessment.id);
      queryClient.setQueryData(key, next);
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: assessmentKeys.all,
          predicate: (q) => !(q.queryKey[1] === 'sheet' && q.queryKey[2] === next.assessment.id),
        }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}

export const useCreateSheet = () => useSheetMutation(assessmentApi.create);
export const useRefreshSheet = () => useSheetMutation(assessmentApi.refresh);
export const usePublishSheet = () => useSheetMutation(assessmentApi.publish);
export const useFinalizeSheet = () => useSheetMutation(assessmentApi.finalize);
export const useReviseSheet = () =>
  useSheetMutation(({ id, reason }: { id: number; reason: string }) => assessmentApi.revise(id, reason));
export const useAddManualEntry = () =>
  useSheetMutation(({ id, body }: { id: number; body: TManualEntryInput }) =>
    assessmentApi.addManual(id, body),
  );
export const useDeleteManualEntry = () =>
  useSheetMutation(({ id, entryId }: { id: number; entryId: number }) =>
    assessmentApi.deleteManual(id, entryId),
  );
export const useAppealRow = () =>
  useSheetMutation(({ id, ...body }: { id: number } & TAppealInput) => assessmentApi.appeal(id, body));
export const useDecideAppeal = () =>
  useSheetMutation(({ appealId, body }: { appealId: number; body: TAppealDecision }) =>
    assessmentApi.decide(appealId, body),
  );

/** Scheme and settings changes: every assessment query may read them. */
function useAssessmentMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}
export const useSaveScheme = () =>
  useAssessmentMutation(({ id, body }: { id: number; body: TSchemeInput }) =>
    assessmentApi.saveScheme(id, body),
  );
export const useSaveSettings = () => useAssessmentMutation(assessmentApi.saveSettings);
