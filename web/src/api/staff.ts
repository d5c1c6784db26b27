import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TEmployee,
  TEmployeeInput,
  TEmployeePage,
  TEmployeeQuery,
  TPosition,
  TPositionInput,
  TTeam,
  TTeamInput,
  TTeamRow,
} from '../../../server/modules/staff/staff.schemas.ts';
import { auditKeys } from './audit.ts';
import { api } from './client.ts';

export { EMPLOYEE_STATUSES, GENDERS } from '../../../server/modules/staff/staff.constants.ts';
// the service-desk pages still import these from here; their home is project.ts
export { type Project, useProjects } from './project.ts';

export type Position = TPosition;
export type Employee = TEmployee;
export type Team = TTeam;
export type EmployeeQuery = Partial<TEmployeeQuery>;

export const staffKeys = {
  all: ['staff'] as const,
  positions: () => [...staffKeys.all, 'positions'] as const,
  position: (id: number) => [...staffKeys.all, 'position', id] as const,
  employees: (query: EmployeeQuery) => [...staffKeys.all, 'employees', query] as const,
  teams: (projectId?: number) => [...staffKeys.all, 'teams', projectId ?? 'all'] as const,
};

export const staffApi = {
  positions: () => api.get<TPosition[]>('/positions'),
  position: (id: number) => api.get<TPosition>(`/positions/${id}`),
  savePosition: (id: number | null, body: TPositionInput) =>
    id ? api.put<TPosition>(`/positions/${id}`, body) : api.post<TPosition>('/positions', body),
  employees: (query: EmployeeQuery) => api.get<TEmployeePage>('/employees', query),
  saveEmployee: (id: number | null, body: TEmployeeInput) =>
    id ? api.put<TEmployee>(`/employees/${id}`, body) : api.post<TEmployee>('/employees', body),
  teams: (projectId?: number) => api.get<TTeam[]>('/teams', { projectId }),
  saveTeam: (id: number | null, body: TTeamInput) =>
    id ? api.put<TTeamRow>(`/teams/${id}`, body) : api.post<TTeamRow>('/teams', body),
};

export function usePositions() {
  return useQuery({ queryKey: staffKeys.positions(), queryFn: staffApi.positions, staleTime: 60_000 });
}
export function usePosition(id: number) {
  return useQuery({ queryKey: staffKeys.position(id), queryFn: () => staffApi.position(id) });
}
export function useEmployees(query: EmployeeQuery, enabled = true) {
  return useQuery({
    queryKey: staffKeys.employees(query),
    queryFn: () => staffApi.employees(query),
    enabled,
  });
}
export function useTeams(projectId?: number) {
  return useQuery({ queryKey: staffKeys.teams(projectId), queryFn: () => staffApi.teams(projectId) });
}

/** A save of one staff record: refreshes every staff list and the open histories. */
function useStaffMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}

export const useSavePosition = () =>
  useStaffMutation(({ id, body }: { id: number | null; body: TPositionInput }) =>
    staffApi.savePosition(id, body),
  );
export const useSaveEmployee = () =>
  useStaffMutation(({ id, body }: { id: number | null; body: TEmployeeInput }) =>
    staffApi.saveEmployee(id, body),
  );
export const useSaveTeam = () =>
  useStaffMutation(({ id, body }: { id: number | null; body: TTeamInput }) => staffApi.saveTeam(id, body));
