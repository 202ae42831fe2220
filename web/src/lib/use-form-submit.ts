import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from './api-form-errors';

/**
 * A form that saves through one request: the submit handler, the request's state, and its error
 * told as a message per field (`fields`) and one for the form.
 */
export function useFormSubmit<Field extends string>(fields: readonly Field[], save: () => Promise<unknown>, onSaved: () => Promise<unknown> | void) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: save, onSuccess: async () => void (await onSaved()) });
  const { fieldErrors, formError } = describeApiError(mutation.error, fields, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return { mutation, fieldErrors, formError, submit };
}
