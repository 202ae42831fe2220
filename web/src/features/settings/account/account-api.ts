import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { settingsKeys } from '../shared/settings-keys';

export type AccountDetails = {
  id: number;
  name: string;
  locale: string;
  settings: {
    auto_resolve_after: number | null;
    auto_resolve_message: string | null;
    auto_resolve_ignore_waiting: boolean | null;
    auto_resolve_label: string | null;
  };
};

export type AccountUpdate = {
  name?: string;
  locale?: string;
  auto_resolve_after?: number | null;
  auto_resolve_message?: string | null;
  auto_resolve_label?: string | null;
  auto_resolve_ignore_waiting?: boolean;
};

const accountPath = (accountId: number) => `/api/v1/accounts/${accountId}`;

export const useAccountDetails = (accountId: number) =>
  useQuery({ queryKey: settingsKeys.account(accountId), queryFn: () => api.get<AccountDetails>(accountPath(accountId)) });

export const updateAccount = (accountId: number, body: AccountUpdate) => api.patch<AccountDetails>(accountPath(accountId), body);
