import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { settingsKeys } from '../shared/settings-keys';

export type Label = { id: number; title: string; description: string | null; color: string; show_on_sidebar: boolean };
export type LabelInput = { title: string; description: string | null; color: string; show_on_sidebar: boolean };

const labelsPath = (accountId: number) => `/api/v1/accounts/${accountId}/labels`;

export const useSettingsLabels = (accountId: number) =>
  useQuery({
    queryKey: settingsKeys.labels(accountId),
    queryFn: () => api.get<{ payload: Label[] }>(labelsPath(accountId)),
    select: (data) => data.payload,
  });

export const createLabel = (accountId: number, body: LabelInput) => api.post<Label>(labelsPath(accountId), body);
export const updateLabel = (accountId: number, id: number, body: LabelInput) => api.patch<Label>(`${labelsPath(accountId)}/${id}`, body);
export const deleteLabel = (accountId: number, id: number) => api.delete<unknown>(`${labelsPath(accountId)}/${id}`);
