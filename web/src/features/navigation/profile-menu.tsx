import { Check, ChevronRight, LogOut, Monitor, Moon, Sun, UserRound } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserAvatar } from '../../components/user-avatar';
import type { Availability } from '../../lib/api-types';
import { currentUiLanguage, setUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../lib/i18n';
import { readThemePreference, setThemePreference, type ThemePreference } from '../../lib/theme';
import { useCurrentAccount } from '../accounts/current-account';
import { useSignOut } from '../auth/use-sign-out';
import { useAvailability } from '../profile/use-availability';
import { AvailabilityDot } from './availability-indicator';
import { accountBasePath } from './nav-items';

const AVAILABILITIES: readonly Availability[] = ['online', 'busy', 'offline'];
const THEMES: readonly { value: ThemePreference; icon: typeof Sun }[] = [
  { value: 'system', icon: Monitor },
  { value: 'light', icon: Sun },
  { value: 'dark', icon: Moon },
];

const itemClasses =
  'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink outline-none select-none data-[highlighted]:bg-subtle';
const labelClasses = 'px-2 pt-2 pb-1 text-xs font-medium text-muted';
const contentClasses = 'z-50 min-w-60 rounded-xl border border-line bg-surface p-1.5 shadow-lg';

/** "Configurações de Perfil": the avatar at the bottom of the navigation bar and its menu. */
export function ProfileMenu({ side }: { side: 'right' | 'bottom' }) {
  const { t } = useTranslation();
  const { user, account } = useCurrentAccount();
  const { availability, setAvailability } = useAvailability();
  const signOut = useSignOut();
  const [theme, setTheme] = useState(readThemePreference);

  const chooseTheme = (value: string) => {
    const preference = THEMES.find((option) => option.value === value)?.value ?? 'system';
    setThemePreference(preference);
    setTheme(preference);
  };

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t('profileMenu.trigger')}
        className="relative rounded-full p-0.5 hover:ring-2 hover:ring-line data-[state=open]:ring-2 data-[state=open]:ring-brand"
      >
        <UserAvatar name={user.available_name || user.name} imageUrl={user.avatar_url} />
        <AvailabilityDot availability={availability} className="absolute right-0 bottom-0" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content side={side} align="end" sideOffset={8} className={contentClasses}>
          <div className="flex items-center gap-3 px-2 py-2">
            <UserAvatar name={user.available_name || user.name} imageUrl={user.avatar_url} />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-ink">{user.available_name || user.name}</p>
              <p className="truncate text-xs text-muted">{user.email}</p>
            </div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />

          <DropdownMenu.Label className={labelClasses}>{t('profileMenu.availability')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={availability}
            onValueChange={(value) => {
              const chosen = AVAILABILITIES.find((option) => option === value);
              if (chosen) setAvailability(chosen);
            }}
          >
            {AVAILABILITIES.map((option) => (
              <DropdownMenu.RadioItem key={option} value={option} className={itemClasses}>
                <AvailabilityDot availability={option} className="ring-0" />
                <span className="flex-1">{t(`availability.${option}`)}</span>
                <DropdownMenu.ItemIndicator>
                  <Check className="size-4 text-brand" aria-hidden="true" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />

          <DropdownMenu.Item asChild className={itemClasses}>
            <Link to={`${accountBasePath(account.id)}/profile/settings`}>
              <UserRound className="size-4 text-muted" aria-hidden="true" />
              {t('profileMenu.profileSettings')}
            </Link>
          </DropdownMenu.Item>

          <DropdownMenu.Sub>
            <DropdownMenu.SubTrigger className={itemClasses}>
              <ThemeIcon theme={theme} />
              <span className="flex-1">{t('profileMenu.appearance')}</span>
              <span className="text-xs text-muted">{t(`appearance.${theme}`)}</span>
              <ChevronRight className="size-4 text-muted" aria-hidden="true" />
            </DropdownMenu.SubTrigger>
            <DropdownMenu.Portal>
              <DropdownMenu.SubContent sideOffset={6} className={contentClasses}>
                <DropdownMenu.RadioGroup value={theme} onValueChange={chooseTheme}>
                  {THEMES.map(({ value, icon: Icon }) => (
                    <DropdownMenu.RadioItem key={value} value={value} className={itemClasses}>
                      <Icon className="size-4 text-muted" aria-hidden="true" />
                      <span className="flex-1">{t(`appearance.${value}`)}</span>
                      <DropdownMenu.ItemIndicator>
                        <Check className="size-4 text-brand" aria-hidden="true" />
                      </DropdownMenu.ItemIndicator>
                    </DropdownMenu.RadioItem>
                  ))}
                </DropdownMenu.RadioGroup>
              </DropdownMenu.SubContent>
            </DropdownMenu.Portal>
          </DropdownMenu.Sub>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />

          <DropdownMenu.Label className={labelClasses}>{t('language.label')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={currentUiLanguage()}
            onValueChange={(value) => {
              const chosen = UI_LANGUAGES.find((language): language is UiLanguage => language === value);
              if (chosen) setUiLanguage(chosen);
            }}
          >
            {UI_LANGUAGES.map((language) => (
              <DropdownMenu.RadioItem key={language} value={language} lang={language} className={itemClasses}>
                <span className="flex-1">{t(`language.names.${language}`)}</span>
                <DropdownMenu.ItemIndicator>
                  <Check className="size-4 text-brand" aria-hidden="true" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />

          <DropdownMenu.Item className={itemClasses} onSelect={() => signOut.mutate()}>
            <LogOut className="size-4 text-muted" aria-hidden="true" />
            {t('profileMenu.signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function ThemeIcon({ theme }: { theme: ThemePreference }) {
  const Icon = THEMES.find((option) => option.value === theme)?.icon ?? Monitor;
  return <Icon className="size-4 text-muted" aria-hidden="true" />;
}
