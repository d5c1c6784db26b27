import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export type Role = 'admin' | 'manager' | 'supervisor' | 'officer' | 'frontdesk' | 'owner';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  employeeId: number | null;
  projectIds: number[];
  allProjects: boolean;
  locale: 'zh-CN' | 'en-US';
}

export const authApi = {
  me: () => api.get<Me>('/auth/me'),
  login: (username: string, password: string) =>
    api.post<{ ok: true; role: Role }>('/auth/login', { username, password }),
  logout: () => api.post('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post('/auth/password', { currentPassword, newPassword }),
  setLocale: (locale: 'zh-CN' | 'en-US') => api.put('/auth/locale', { locale }),
};

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: authApi.me, retry: false, staleTime: 60_000 });
}
