import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfirmedStep } from '../../../server/modules/setup/setup.constants.ts';
import type { TChecklist, TSetupInput, TSetupStatus } from '../../../server/modules/setup/setup.schemas.ts';
import { api } from './client.ts';

export type Checklist = TChecklist;

export const setupKeys = {
  all: ['setup'] as const,
  status: () => [...setupKeys.all, 'status'] as const,
  checklist: () => [...setupKeys.all, 'checklist'] as const,
};

export const setupApi = {
  status: () => api.get<TSetupStatus>('/setup/status'),
  setup: (body: TSetupInput) =>
    api.post<{ ok: boolean; username: string; projectId: number }>('/setup', body),
  checklist: () => api.get<TChecklist>('/setup/checklist'),
  confirm: (step: ConfirmedStep, confirmed: boolean) =>
    api.put<TChecklist>(`/setup/checklist/${step}`, { confirmed }),
};

/** Whether the company still has to be set up (no administrator yet): the login page then offers setup. */
export function useSetupStatus() {
  return useQuery({ queryKey: setupKeys.status(), queryFn: setupApi.status, staleTime: 30_000 });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setupApi.setup,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: setupKeys.all }),
  });
}

export function useChecklist(enabled = true) {
  return useQuery({ queryKey: setupKeys.checklist(), queryFn: setupApi.checklist, enabled });
}

export function useConfirmStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, confirmed }: { step: ConfirmedStep; confirmed: boolean }) =>
      setupApi.confirm(step, confirmed),
    onSuccess: (list) => queryClient.setQueryData(setupKeys.checklist(), list),
  });
}
