import { Check, ChevronsUpDown } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { updateProfile } from '../profile/profile-api';
import { useCurrentAccount } from './current-account';

/** "Visualização Atual": the account being viewed, and a switch to the user's other accounts. */
export function AccountSwitcher() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, account } = useCurrentAccount();

  return (
    <div className="px-3 pt-4 pb-2">
      <p className="px-2 text-xs font-medium text-muted">
        {t('accountSwitcher.label')}
      </p>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger
          aria-label={t('accountSwitcher.trigger', { name: account.name })}
          className="mt-1 flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left hover:bg-subtle data-[state=open]:bg-subtle"
        >
          <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-brand text-xs font-semibold text-on-brand">
            {account.name.trim().charAt(0).toUpperCase() || '?'}
          </span>
          <span className="min-w-0 flex-1 truncate text-sm font-semibold text-ink" title={account.name}>
            {account.name}
          </span>
          <ChevronsUpDown className="size-4 shrink-0 text-muted" aria-hidden="true" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            className="z-50 max-h-80 min-w-56 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg"
          >
            <DropdownMenu.Label className="px-2 pt-1.5 pb-1 text-xs font-medium text-muted">
              {t('accountSwitcher.menuLabel')}
            </DropdownMenu.Label>
            <DropdownMenu.RadioGroup
              value={String(account.id)}
              onValueChange={(value) => {
                // Remembered by the server: the next sign-in opens this account.
                void updateProfile({ profile: { account_id: Number(value) } }).catch(() => undefined);
                void navigate(`/accounts/${value}/dashboard`);
              }}
            >
              {user.accounts.map((membership) => (
                <DropdownMenu.RadioItem
                  key={membership.id}
                  value={String(membership.id)}
                  className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink outline-none select-none data-[highlighted]:bg-subtle"
                >
                  <span className="min-w-0 flex-1 truncate" title={membership.name}>
                    {membership.name}
                  </span>
                  <DropdownMenu.ItemIndicator>
                    <Check className="size-4 text-brand" aria-hidden="true" />
                  </DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
