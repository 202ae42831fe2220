import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** A dashboard app as the API shows it (Chatwoot's shape): a title and the frames it embeds. */
export type DashboardApp = { id: number; title: string; content: { type: 'frame'; url: string }[]; created_at: string };
export type DashboardAppInput = { title: string; content: { type: 'frame'; url: string }[] };

const appsPath = (accountId: number) => `/api/v1/accounts/${accountId}/dashboard_apps`;

export const dashboardAppKeys = {
  all: (accountId: number) => ['accounts', accountId, 'dashboard-apps'] as const,
};

/**
 * The account's apps, in the order they were added; every member may read them (the details panel
 * shows them). Asked again each time the details panel opens and when `dashboard_app.changed`
 * arrives, so an app an administrator just added shows up without a reload.
 */
export const useDashboardApps = (accountId: number) =>
  useQuery({ queryKey: dashboardAppKeys.all(accountId), queryFn: () => api.get<DashboardApp[]>(appsPath(accountId)), staleTime: 0 });

export const createDashboardApp = (accountId: number, body: DashboardAppInput) => api.post<DashboardApp>(appsPath(accountId), body);
export const updateDashboardApp = (accountId: number, id: number, body: DashboardAppInput) =>
  api.patch<DashboardApp>(`${appsPath(accountId)}/${id}`, body);
export const deleteDashboardApp = (accountId: number, id: number) => api.delete<unknown>(`${appsPath(accountId)}/${id}`);

/** The app's first frame URL: the one the details panel embeds. */
export const frameUrl = (app: DashboardApp): string | undefined => app.content.find((frame) => frame.type === 'frame')?.url;
