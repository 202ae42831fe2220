import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useCurrentAccount } from '../accounts/current-account';
import { AccessTokenSection } from './access-token-section';
import { AvatarSection } from './avatar-section';
import { DisplayNameForm, EmailForm, FullNameForm } from './name-sections';
import { NotificationPreferencesForm } from './notification-preferences';
import { PasswordChangeForm } from './password-change-form';
import { AudioAlertsForm, AvailabilityForm, LanguageForm, SendKeyForm } from './preference-sections';
import type { ProfileUser } from './profile-api';
import { SettingsCard } from './settings-card';
import { SignatureSection } from './signature-section';
import { TwoFactorSection } from './two-factor-section';

/**
 * "Configurações de Perfil": the guide's sections in its order, each saving on its own, then the
 * interface language, availability and two-factor authentication.
 */
export function ProfileSettingsPage() {
  const { t } = useTranslation();
  const { user: current } = useCurrentAccount();
  const user = current as ProfileUser;
  const card = (key: string, children: React.ReactNode) => (
    <SettingsCard key={key} id={`profile-${key}`} title={t(`profilePage.${key}.title`)} description={t(`profilePage.${key}.description`)}>
      {children}
    </SettingsCard>
  );
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profilePage.description')} />
      <div className="px-4 md:px-8">
        {card('photo', <AvatarSection user={user} />)}
        {card('fullName', <FullNameForm user={user} />)}
        {card('displayName', <DisplayNameForm user={user} />)}
        {card('email', <EmailForm user={user} />)}
        {card('signature', <SignatureSection user={user} />)}
        {card('sendKey', <SendKeyForm user={user} />)}
        {card('password', <PasswordChangeForm />)}
        {card('audio', <AudioAlertsForm user={user} />)}
        {card('preferences', <NotificationPreferencesForm />)}
        {card('token', <AccessTokenSection user={user} />)}
        {card('language', <LanguageForm />)}
        {card('availability', <AvailabilityForm />)}
        {card('twoFactor', <TwoFactorSection />)}
      </div>
    </>
  );
}
