import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOk } from '../../../server/lib/schemas.ts';
import type {
  TLoginInput,
  TLoginResult,
  TMe,
  TPasswordChange,
} from '../../../server/modules/auth/auth.schemas.ts';
import type { Locale, Role } from '../../../server/modules/user/user.constants.ts';
import { api } from './client.ts';

export type Me = TMe;
export type { Locale, Role };

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

export const authApi = {
  me: () => api.get<TMe>('/auth/me'),
  login: (body: TLoginInput) => api.post<TLoginResult>('/auth/login', body),
  logout: () => api.post<TOk>('/auth/logout'),
  changePassword: (body: TPasswordChange) => api.post<TOk>('/auth/password', body),
  setLocale: (locale: Locale) => api.put<TOk>('/auth/locale', { locale }),
};

export function useMe() {
  return useQuery({ queryKey: authKeys.me(), queryFn: authApi.me, retry: false, staleTime: 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.login,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}

/** Signs out and forgets every cached answer: the next user must not see the last one's data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authApi.logout().catch(() => undefined),
    onSettled: () => queryClient.clear(),
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: authApi.changePassword });
}

export function useSetLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.setLocale,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}
