import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { SaveForm } from './field-section';
import { useSaveProfile, type ProfileUser } from './profile-api';

/** "Seu Nome Completo". */
export function FullNameForm({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const save = useSaveProfile();
  return (
    <SaveForm
      fields={['name']}
      onSave={() => save.mutate({ name: name.trim() })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={t('profilePage.saved')}
    >
      {(errors) => (
        <TextField label={t('profilePage.fullName.label')} autoComplete="name" required value={name} onValueChange={setName} error={errors.name} />
      )}
    </SaveForm>
  );
}

/** "Nome de Exibição": what customers and colleagues see in conversations (empty: the full name). */
export function DisplayNameForm({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.display_name ?? '');
  const save = useSaveProfile();
  return (
    <SaveForm
      fields={['display_name']}
      onSave={() => save.mutate({ display_name: displayName.trim() })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={t('profilePage.saved')}
    >
      {(errors) => (
        <TextField
          label={t('profilePage.displayName.label')}
          autoComplete="nickname"
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.display_name}
          hint={t('profilePage.displayName.hint')}
        />
      )}
    </SaveForm>
  );
}

/** "Seu Endereço de E-mail": a change needs the password and only applies once the new address confirms it. */
export function EmailForm({ user }: { user: ProfileUser }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(user.email);
  const [password, setPassword] = useState('');
  const save = useSaveProfile();
  const pending = user.unconfirmed_email;
  return (
    <SaveForm
      fields={['email', 'current_password']}
      onSave={() => save.mutate({ email: email.trim(), current_password: password }, { onSuccess: () => setPassword('') })}
      busy={save.isPending}
      error={save.error}
      saved={save.isSuccess}
      savedText={pending ? t('profilePage.email.confirmSent', { email: pending }) : t('profilePage.saved')}
    >
      {(errors) => (
        <>
          {pending && !save.isSuccess && <p className="rounded-lg bg-subtle px-3 py-2 text-sm text-muted">{t('profilePage.email.pending', { email: pending })}</p>}
          <TextField label={t('profilePage.email.label')} type="email" autoComplete="email" required value={email} onValueChange={setEmail} error={errors.email} />
          <PasswordField
            label={t('profilePage.email.password')}
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            error={errors.current_password}
          />
        </>
      )}
    </SaveForm>
  );
}
