import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useCurrentAccount } from '../accounts/current-account';
import { AccessTokenSection } from './access-token-section';
import { PasswordChangeForm } from './password-change-form';
import { PersonalInfoForm } from './personal-info-form';
import { SettingsCard } from './settings-card';

/** "Configurações de Perfil" (SPEC §6): personal details, password and access token. */
export function ProfileSettingsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentAccount();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="px-4 md:px-8">
        <SettingsCard title={t('profile.personal.title')} description={t('profile.personal.description')}>
          <PersonalInfoForm user={user} />
        </SettingsCard>
        <SettingsCard title={t('profile.password.title')} description={t('profile.password.description')}>
          <PasswordChangeForm />
        </SettingsCard>
        <SettingsCard title={t('profile.token.title')} description={t('profile.token.description')}>
          <AccessTokenSection user={user} />
        </SettingsCard>
      </div>
    </>
  );
}
