import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TUser,
  TUserCreate,
  TUserPage,
  TUserQuery,
  TUserUpdate,
} from '../../../server/modules/user/user.schemas.ts';
import { auditKeys } from './audit.ts';
import { api } from './client.ts';

export { ROLES } from '../../../server/modules/user/user.constants.ts';
export type User = TUser;
export type UserQuery = Partial<TUserQuery>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => [...userKeys.all, 'list', query] as const,
};

export const userApi = {
  list: (query: UserQuery) => api.get<TUserPage>('/users', query),
  create: (body: TUserCreate) => api.post<TUser>('/users', body),
  update: (id: number, body: TUserUpdate) => api.put<TUser>(`/users/${id}`, body),
  resetPassword: (id: number, password: string) => api.post(`/users/${id}/password`, { password }),
};

export function useUsers(query: UserQuery, enabled = true) {
  return useQuery({ queryKey: userKeys.list(query), queryFn: () => userApi.list(query), enabled });
}

function useUserMutation<V>(mutationFn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}

export const useCreateUser = () => useUserMutation((body: TUserCreate) => userApi.create(body));
export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: number; body: TUserUpdate }) => userApi.update(id, body));
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: number; password: string }) =>
    userApi.resetPassword(id, password),
  );
