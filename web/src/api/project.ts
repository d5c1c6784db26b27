import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TProject, TProjectInput } from '../../../server/modules/project/project.schemas.ts';
import { auditKeys } from './audit.ts';
import { api } from './client.ts';

export { PROJECT_STATUSES } from '../../../server/modules/project/project.constants.ts';
export type Project = TProject;

export const projectKeys = {
  all: ['projects'] as const,
  list: () => [...projectKeys.all, 'list'] as const,
};

export const projectApi = {
  list: () => api.get<TProject[]>('/projects'),
  save: (id: number | null, body: TProjectInput) =>
    id ? api.put<TProject>(`/projects/${id}`, body) : api.post<TProject>('/projects', body),
};

/** The projects the user may see (admins: all). */
export function useProjects() {
  return useQuery({ queryKey: projectKeys.list(), queryFn: projectApi.list, staleTime: 60_000 });
}

export function useSaveProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: TProjectInput }) => projectApi.save(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}
