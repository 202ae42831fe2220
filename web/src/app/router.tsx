import { createBrowserRouter, Navigate } from 'react-router';
import { HomeRedirect } from '../features/accounts/home-redirect';
import { RequirePermission } from '../features/accounts/require-permission';
import { LoginPage } from '../features/auth/login-page';
import { conversationRoutes } from '../features/conversations/conversation-routes';
import { InstallationGate, ONBOARDING_PATH } from '../features/installation/installation-gate';
import { AccountNotFoundRoute } from '../features/navigation/account-not-found-route';
import { DashboardLayout } from '../features/navigation/dashboard-layout';
import { NotFoundPage } from '../features/navigation/not-found-page';
import { SectionPage } from '../features/navigation/section-page';
import { settingsRoutes } from '../features/settings/settings-routes';
import { lazyPage } from './lazy-page';

/** The dashboard is served under `/app/`; every path below is relative to it. */
export const router = createBrowserRouter(
  [
    {
      element: <InstallationGate />,
      children: [
        { index: true, element: <HomeRedirect /> },
        lazyPage(ONBOARDING_PATH, () => import('../features/onboarding/onboarding-page').then((m) => m.OnboardingPage)),
        { path: 'login', element: <LoginPage /> },
        lazyPage('auth/reset/password', () => import('../features/auth/forgot-password-page').then((m) => m.ForgotPasswordPage)),
        lazyPage('auth/password/edit', () => import('../features/auth/reset-password-page').then((m) => m.ResetPasswordPage)),
        lazyPage('auth/confirmation', () => import('../features/auth/email-confirmation-page').then((m) => m.EmailConfirmationPage)),
        {
          path: 'accounts/:accountId',
          element: <DashboardLayout />,
          children: [
            { index: true, element: <Navigate to="dashboard" replace /> },
            ...conversationRoutes,
            lazyPage('contacts', () => import('../features/contacts/contacts-page').then((m) => m.ContactsPage)),
            lazyPage('contacts/:contactId', () => import('../features/contacts/contact-page').then((m) => m.ContactPage)),
            {
              path: 'reports',
              element: (
                <RequirePermission permission="reports.read">
                  <SectionPage section="reports" />
                </RequirePermission>
              ),
            },
            {
              path: 'campaigns',
              element: (
                <RequirePermission permission="campaigns.manage">
                  <SectionPage section="campaigns" />
                </RequirePermission>
              ),
            },
            {
              path: 'help-center',
              element: (
                <RequirePermission permission="help_center.manage">
                  <SectionPage section="helpCenter" />
                </RequirePermission>
              ),
            },
            lazyPage('notifications', () => import('../features/notifications/notifications-page').then((m) => m.NotificationsPage)),
            ...settingsRoutes,
            lazyPage('profile/settings', () => import('../features/profile/profile-settings-page').then((m) => m.ProfileSettingsPage)),
            { path: '*', element: <AccountNotFoundRoute /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);
