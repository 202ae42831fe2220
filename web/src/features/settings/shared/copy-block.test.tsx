import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { CopyBlock } from './copy-block';

afterEach(cleanup);
beforeAll(async () => {
  await i18n.changeLanguage('pt-BR');
});

function withClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('CopyBlock', () => {
  it('copies exactly the value shown and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    withClipboard(writeText);
    const snippet = '<script>\n  window.chatwootSettings = {};\n</script>';
    render(<CopyBlock label="Código do widget" value={snippet} multiline />);
    expect(screen.getByText((_, el) => el?.tagName === 'CODE' && el.textContent === snippet)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copiar: Código do widget' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copiar: Código do widget' }).textContent).toContain('Copiado!'));
    expect(writeText).toHaveBeenCalledWith(snippet);
  });

  it('tells the user to copy by hand when the browser refuses', async () => {
    withClipboard(() => Promise.reject(new Error('denied')));
    render(<CopyBlock label="Token" value="abc" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copiar: Token' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/copie manualmente/));
  });
});
