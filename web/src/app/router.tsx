import { createBrowserRouter, Navigate } from 'react-router';
import { HomeRedirect } from '../features/accounts/home-redirect';
import { RequirePermission } from '../features/accounts/require-permission';
import { AgentsPage } from '../features/agents/agents-page';
import { EmailConfirmationPage } from '../features/auth/email-confirmation-page';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { LoginPage } from '../features/auth/login-page';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { ContactPage } from '../features/contacts/contact-page';
import { ContactsPage } from '../features/contacts/contacts-page';
import { conversationRoutes } from '../features/conversations/conversation-routes';
import { DevMailboxPage } from '../features/dev-mailbox/dev-mailbox-page';
import { InstallationGate, ONBOARDING_PATH } from '../features/installation/installation-gate';
import { AccountNotFoundRoute } from '../features/navigation/account-not-found-route';
import { DashboardLayout } from '../features/navigation/dashboard-layout';
import { NotFoundPage } from '../features/navigation/not-found-page';
import { SectionPage } from '../features/navigation/section-page';
import { OnboardingPage } from '../features/onboarding/onboarding-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { ProfileSettingsPage } from '../features/profile/profile-settings-page';
import { SettingsPage } from '../features/settings/settings-page';
import { settingsRoutes } from '../features/settings/settings-routes';

/** The dashboard is served under `/app/`; every path below is relative to it. */
export const router = createBrowserRouter(
  [
    {
      element: <InstallationGate />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: ONBOARDING_PATH, element: <OnboardingPage /> },
        { path: 'login', element: <LoginPage /> },
        { path: 'auth/reset/password', element: <ForgotPasswordPage /> },
        { path: 'auth/password/edit', element: <ResetPasswordPage /> },
        { path: 'auth/confirmation', element: <EmailConfirmationPage /> },
        {
          path: 'accounts/:accountId',
          element: <DashboardLayout />,
          children: [
            { index: true, element: <Navigate to="dashboard" replace /> },
            ...conversationRoutes,
            { path: 'contacts', element: <ContactsPage /> },
            { path: 'contacts/:contactId', element: <ContactPage /> },
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
            { path: 'notifications', element: <NotificationsPage /> },
            { path: 'settings', element: <SettingsPage /> },
            ...settingsRoutes,
            {
              path: 'settings/agents',
              element: (
                <RequirePermission permission="agents.manage">
                  <AgentsPage />
                </RequirePermission>
              ),
            },
            {
              path: 'settings/dev-mailbox',
              element: (
                <RequirePermission permission="dev_mailbox.read">
                  <DevMailboxPage />
                </RequirePermission>
              ),
            },
            { path: 'profile/settings', element: <ProfileSettingsPage /> },
            { path: '*', element: <AccountNotFoundRoute /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);
