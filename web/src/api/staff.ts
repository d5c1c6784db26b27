import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';

export interface Project {
  id: number;
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  status: string;
}

export interface Position {
  id: number;
  code: string;
  name: string;
  level: string | null;
  superior: string | null;
  jobFamily: string | null;
  characteristics: string | null;
  authorities: string | null;
  qualifications: string | null;
  responsibilities: string | null;
  workNorms: string | null;
  workflow: string | null;
  updatedAt: string;
}

export interface Employee {
  id: number;
  projectId: number;
  projectName: string;
  code: string;
  name: string;
  gender: 'M' | 'F' | null;
  phone: string | null;
  positionId: number | null;
  positionName: string | null;
  teamId: number | null;
  teamName: string | null;
  hiredOn: string | null;
  status: 'active' | 'left' | 'dismissed';
  updatedAt: string;
}

export interface Team {
  id: number;
  projectId: number;
  projectName: string;
  name: string;
  kind: string;
  leaderEmployeeId: number | null;
  leaderName: string | null;
  memberCount: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: string;
  phone: string | null;
  active: boolean;
  employeeId: number | null;
  projectIds: number[];
  createdAt: string;
}

export const staffApi = {
  projects: () => api.get<Project[]>('/projects'),
  saveProject: (id: number | null, body: Partial<Project>) =>
    id ? api.put<Project>(`/projects/${id}`, body) : api.post<Project>('/projects', body),
  positions: () => api.get<Position[]>('/positions'),
  position: (id: number) => api.get<Position>(`/positions/${id}`),
  savePosition: (id: number | null, body: Partial<Position>) =>
    id ? api.put<Position>(`/positions/${id}`, body) : api.post<Position>('/positions', body),
  employees: (query: Record<string, string | number | undefined>) =>
    api.get<Page<Employee>>('/employees', query),
  saveEmployee: (id: number | null, body: Partial<Employee>) =>
    id ? api.put<Employee>(`/employees/${id}`, body) : api.post<Employee>('/employees', body),
  teams: (projectId?: number) => api.get<Team[]>('/teams', { projectId }),
  saveTeam: (id: number | null, body: Partial<Team>) =>
    id ? api.put(`/teams/${id}`, body) : api.post('/teams', body),
  users: (query: Record<string, string | number | undefined>) => api.get<Page<User>>('/users', query),
  saveUser: (id: number | null, body: Record<string, unknown>) =>
    id ? api.put<User>(`/users/${id}`, body) : api.post<User>('/users', body),
  resetPassword: (id: number, password: string) => api.post(`/users/${id}/password`, { password }),
};

export function useProjects() {
  return useQuery({ queryKey: ['projects'], queryFn: staffApi.projects, staleTime: 60_000 });
}
export function usePositions() {
  return useQuery({ queryKey: ['positions'], queryFn: staffApi.positions, staleTime: 60_000 });
}
export function useTeams(projectId?: number) {
  return useQuery({ queryKey: ['teams', projectId ?? 'all'], queryFn: () => staffApi.teams(projectId) });
}
