import { AtSign, Folder, Inbox, MessagesSquare, Tag, UserX, Users, type LucideIcon } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountSwitcher } from '../accounts/account-switcher';
import { useCurrentAccount } from '../accounts/current-account';
import { ChannelIcon } from '../conversations/channel-icon';
import { useInboxes, useLabels, useTeams } from '../conversations/conversations-api';
import { useFolders } from '../conversations/folders/folders-api';
import { accountBasePath } from './nav-items';

type ConversationView = { key: 'all' | 'mentions' | 'unattended'; path: string; icon: LucideIcon; alsoActiveOn?: string };

const CONVERSATION_VIEWS: readonly ConversationView[] = [
  { key: 'all', path: 'conversations', icon: MessagesSquare, alsoActiveOn: 'dashboard' },
  { key: 'mentions', path: 'conversations/mentions', icon: AtSign },
  { key: 'unattended', path: 'conversations/unattended', icon: UserX },
];

/** "Menus de Apoio" (guide chapter 2, area 2): current view, conversation views, folders, teams, inboxes, labels. */
export function SecondaryMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { account } = useCurrentAccount();
  const base = accountBasePath(account.id);
  const inboxes = useInboxes(account.id);
  const teams = useTeams(account.id);
  const labels = useLabels(account.id);
  const folders = useFolders(account.id);

  return (
    <div className="flex h-full flex-col overflow-y-auto">
      <AccountSwitcher />
      <nav aria-label={t('secondaryMenu.label')} className="flex flex-col gap-4 px-3 pt-2 pb-6">
        <MenuGroup title={t('secondaryMenu.conversations')}>
          <ul className="flex flex-col gap-0.5">
            {CONVERSATION_VIEWS.map((view) => {
              const active =
                isAtOrUnder(pathname, `${base}/${view.path}`, view.key === 'all') ||
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
        <MenuGroup title={t('secondaryMenu.folders')}>
          {folders.data && folders.data.length > 0 ? (
            <MenuList
              items={folders.data.map((folder) => ({ key: folder.id, to: `${base}/custom_view/${folder.id}`, label: folder.name, icon: <Folder className="size-4 shrink-0" aria-hidden="true" /> }))}
              pathname={pathname}
            />
          ) : (
            <EmptyLine icon={Folder} text={t('secondaryMenu.empty.folders')} />
          )}
        </MenuGroup>
        <MenuGroup title={t('secondaryMenu.teams')}>
          {teams.data && teams.data.length > 0 ? (
            <MenuList items={teams.data.map((team) => ({ key: team.id, to: `${base}/team/${team.id}`, label: team.name, icon: <Users className="size-4 shrink-0" aria-hidden="true" /> }))} pathname={pathname} />
          ) : (
            <EmptyLine icon={Users} text={t('secondaryMenu.empty.teams')} />
          )}
        </MenuGroup>
        <MenuGroup title={t('secondaryMenu.inboxes')}>
          {inboxes.data && inboxes.data.length > 0 ? (
            <MenuList
              items={inboxes.data.map((inbox) => ({ key: inbox.id, to: `${base}/inbox/${inbox.id}`, label: inbox.name, icon: <ChannelIcon channel={inbox.channel_type} className="size-4" /> }))}
              pathname={pathname}
            />
          ) : (
            <EmptyLine icon={Inbox} text={t('secondaryMenu.empty.inboxes')} />
          )}
        </MenuGroup>
        <MenuGroup title={t('secondaryMenu.labels')}>
          {labels.data && labels.data.some((l) => l.show_on_sidebar) ? (
            <MenuList
              items={labels.data
                .filter((l) => l.show_on_sidebar)
                .map((label) => ({
                  key: label.id,
                  to: `${base}/label/${encodeURIComponent(label.title)}`,
                  label: label.title,
                  icon: <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />,
                }))}
              pathname={pathname}
            />
          ) : (
            <EmptyLine icon={Tag} text={t('secondaryMenu.empty.labels')} />
          )}
        </MenuGroup>
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

/** A list entry is active on its own page and on its conversations' pages. */
function isAtOrUnder(pathname: string, path: string, numericOnly = false): boolean {
  if (pathname === path) return true;
  if (!pathname.startsWith(`${path}/`)) return false;
  // "Todas as Conversas" (/conversations) must not light up on /conversations/mentions.
  return !numericOnly || /^\d+$/.test(pathname.slice(path.length + 1));
}

type MenuEntry = { key: number; to: string; label: string; icon: ReactNode };

function MenuList({ items, pathname }: { items: MenuEntry[]; pathname: string }) {
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = isAtOrUnder(pathname, item.to);
        return (
          <li key={item.key}>
            <Link
              to={item.to}
              aria-current={active ? 'page' : undefined}
              className={`flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm transition-colors ${
                active ? 'bg-brand-soft font-medium text-brand' : 'text-ink hover:bg-subtle'
              }`}
            >
              {item.icon}
              <span className="truncate">{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function EmptyLine({ icon: Icon, text }: { icon: LucideIcon; text: string }) {
  return (
    <p className="flex items-center gap-2.5 px-2 py-1 text-sm text-muted">
      <Icon className="size-4 shrink-0 opacity-70" aria-hidden="true" />
      {text}
    </p>
  );
}
