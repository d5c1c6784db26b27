import type { Static } from '@sinclair/typebox';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TChannel,
  TChannelInput,
  TDeliveryQuery,
  ZDelivery,
  ZTestResult,
} from '../../../server/modules/notify/notify.schemas.ts';
import { auditKeys } from './audit.ts';
import { api, type Page } from './client.ts';

export {
  CHANNEL_KINDS,
  DELIVERY_STATUSES,
  NOTIFY_EVENTS,
} from '../../../server/modules/notify/notify.constants.ts';
export type Channel = TChannel;
export type ChannelInput = TChannelInput;
export type Delivery = Static<typeof ZDelivery>;

export const notifyKeys = {
  all: ['notify'] as const,
  channels: () => [...notifyKeys.all, 'channels'] as const,
  deliveries: (filter: Partial<TDeliveryQuery>) => [...notifyKeys.all, 'deliveries', filter] as const,
};

export const notifyApi = {
  channels: () => api.get<TChannel[]>('/notify/channels'),
  save: (id: number | null, body: TChannelInput) =>
    id ? api.put<TChannel>(`/notify/channels/${id}`, body) : api.post<TChannel>('/notify/channels', body),
  test: (id: number) => api.post<Static<typeof ZTestResult>>(`/notify/channels/${id}/test`),
  deliveries: (query: Partial<TDeliveryQuery>) => api.get<Page<Delivery>>('/notify/deliveries', query),
};

export function useChannels() {
  return useQuery({ queryKey: notifyKeys.channels(), queryFn: notifyApi.channels });
}

export function useSaveChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: TChannelInput }) => notifyApi.save(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: notifyKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}

export function useTestChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: notifyApi.test,
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
