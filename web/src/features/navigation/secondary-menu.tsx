import { AtSign, Folder, Inbox, MessagesSquare, Tag, UserX, Users, type LucideIcon } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountSwitcher } from '../accounts/account-switcher';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from './nav-items';

type ConversationView = { key: 'all' | 'mentions' | 'unattended'; path: string; icon: LucideIcon; alsoActiveOn?: string };

const CONVERSATION_VIEWS: readonly ConversationView[] = [
  { key: 'all', path: 'conversations', icon: MessagesSquare, alsoActiveOn: 'dashboard' },
  { key: 'mentions', path: 'conversations/mentions', icon: AtSign },
  { key: 'unattended', path: 'conversations/unattended', icon: UserX },
];

/** The lists that will fill in as their modules arrive; each says plainly that it is empty for now. */
const EMPTY_GROUPS = [
  { key: 'folders', icon: Folder },
  { key: 'teams', icon: Users },
  { key: 'inboxes', icon: Inbox },
  { key: 'labels', icon: Tag },
] as const;

/** "Menus de Apoio" (guide chapter 2, area 2): current view, conversation views, folders, teams, inboxes, labels. */
export function SecondaryMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { account } = useCurrentAccount();
  const base = accountBasePath(account.id);

  return (
    <div className="flex h-full flex-col overflow-y-auto">
      <AccountSwitcher />
      <nav aria-label={t('secondaryMenu.label')} className="flex flex-col gap-4 px-3 pt-2 pb-6">
        <MenuGroup title={t('secondaryMenu.conversations')}>
          <ul className="flex flex-col gap-0.5">
            {CONVERSATION_VIEWS.map((view) => {
              const active =
                pathname === `${base}/${view.path}` ||
                (view.alsoActiveOn !== undefined && pathname === `${base}/${view.alsoActiveOn}`);
              const Icon = view.icon;
              return (
                <li key={view.key}>
                  <Link
                    to={`${base}/${view.path}`}
                    aria-current={active ? 'page' : undefined}
                    className={`flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm transition-colors ${
                      active ? 'bg-brand-soft font-medium text-brand' : 'text-ink hover:bg-subtle'
                    }`}
                  >
                    <Icon className="size-4 shrink-0" aria-hidden="true" />
                    {t(`conversationViews.${view.key}`)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </MenuGroup>
        {EMPTY_GROUPS.map(({ key, icon: Icon }) => (
          <MenuGroup key={key} title={t(`secondaryMenu.${key}`)}>
            <p className="flex items-center gap-2.5 px-2 py-1 text-sm text-muted">
              <Icon className="size-4 shrink-0 opacity-70" aria-hidden="true" />
              {t(`secondaryMenu.empty.${key}`)}
            </p>
          </MenuGroup>
        ))}
      </nav>
    </div>
  );
}

function MenuGroup({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <div role="group" aria-labelledby={titleId}>
      <p id={titleId} className="px-2 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
      </p>
      {children}
    </div>
  );
}
