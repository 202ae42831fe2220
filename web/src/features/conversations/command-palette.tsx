import { Search } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from '../navigation/nav-items';
import { useInboxes, useLabels, useTeams } from './conversations-api';
import { runWorkspaceCommand, startWorkspaceShortcuts, type WorkspaceCommand } from './workspace-commands';

type Command = { id: string; label: string; group: string; hint?: string; run(): void };

/** Ctrl/Cmd+K: jump to any view, inbox, team or label, or act on the open conversation. Also starts the Alt shortcuts. */
export function CommandPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account } = useCurrentAccount();
  const inboxes = useInboxes(account.id);
  const teams = useTeams(account.id);
  const labels = useLabels(account.id);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((value) => !value);
      }
    };
    window.addEventListener('keydown', onKey);
    const stopShortcuts = startWorkspaceShortcuts();
    return () => {
      window.removeEventListener('keydown', onKey);
      stopShortcuts();
    };
  }, []);

  const commands = useMemo<Command[]>(() => {
    const base = accountBasePath(account.id);
    const go = (path: string) => () => void navigate(`${base}/${path}`);
    const views = t('palette.groups.views');
    const act = (command: WorkspaceCommand) => () => runWorkspaceCommand(command);
    const actions = t('palette.groups.conversation');
    return [
      { id: 'all', label: t('conversationViews.all'), group: views, run: go('conversations') },
      { id: 'mentions', label: t('conversationViews.mentions'), group: views, run: go('conversations/mentions') },
      { id: 'unattended', label: t('conversationViews.unattended'), group: views, run: go('conversations/unattended') },
      ...(inboxes.data ?? []).map((i) => ({ id: `inbox-${i.id}`, label: i.name, group: t('secondaryMenu.inboxes'), run: go(`inbox/${i.id}`) })),
      ...(teams.data ?? []).map((team) => ({ id: `team-${team.id}`, label: team.name, group: t('secondaryMenu.teams'), run: go(`team/${team.id}`) })),
      ...(labels.data ?? []).map((l) => ({ id: `label-${l.id}`, label: l.title, group: t('secondaryMenu.labels'), run: go(`label/${encodeURIComponent(l.title)}`) })),
      { id: 'reply', label: t('workspace.composer.reply'), group: actions, hint: 'Alt+R', run: act('reply') },
      { id: 'private', label: t('workspace.composer.private'), group: actions, hint: 'Alt+P', run: act('private') },
      { id: 'resolve', label: t('workspace.actions.resolve'), group: actions, hint: 'Alt+E', run: act('resolve') },
      { id: 'next', label: t('palette.next'), group: actions, hint: 'Alt+J', run: act('next') },
      { id: 'previous', label: t('palette.previous'), group: actions, hint: 'Alt+K', run: act('previous') },
      { id: 'contacts', label: t('nav.items.contacts'), group: t('palette.groups.go'), run: go('contacts') },
      { id: 'settings', label: t('nav.items.settings'), group: t('palette.groups.go'), run: go('settings') },
      { id: 'profile', label: t('palette.profile'), group: t('palette.groups.go'), run: go('profile/settings') },
    ];
  }, [account.id, inboxes.data, teams.data, labels.data, navigate, t]);

  const term = query.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const shown = commands.filter((c) => !term || `${c.label} ${c.group}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').includes(term));
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  const choose = (command: Command | undefined) => {
    if (!command) return;
    setOpen(false);
    setQuery('');
    command.run();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + delta + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(shown[current]);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed top-[15%] left-1/2 z-50 w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 overflow-hidden rounded-xl border border-line bg-surface shadow-xl"
        >
          <Dialog.Title className="sr-only">{t('palette.title')}</Dialog.Title>
          <div className="flex items-center gap-2 border-b border-line px-3">
            <Search className="size-4 text-muted" aria-hidden="true" />
            <input
              autoFocus
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              placeholder={t('palette.placeholder')}
              aria-label={t('palette.placeholder')}
              className="w-full bg-transparent py-3 text-sm text-ink outline-none placeholder:text-muted"
            />
          </div>
          <ul role="listbox" aria-label={t('palette.title')} className="max-h-80 overflow-y-auto p-1.5">
            {shown.length === 0 && <li className="px-2 py-2 text-sm text-muted">{t('palette.empty')}</li>}
            {shown.map((command, index) => (
              <li
                key={command.id}
                role="option"
                aria-selected={index === current}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(command)}
                className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${index === current ? 'bg-brand-soft text-ink' : 'text-ink'}`}
              >
                <span className="flex-1 truncate">{command.label}</span>
                <span className="text-xs text-muted">{command.group}</span>
                {command.hint && <kbd className="rounded border border-line px-1 text-[10px] text-muted">{command.hint}</kbd>}
              </li>
            ))}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
