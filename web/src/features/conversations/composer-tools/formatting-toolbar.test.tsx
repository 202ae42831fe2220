import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { formatsFor } from './channel-formats';
import { FormattingToolbar } from './formatting-toolbar';

afterEach(cleanup);
beforeAll(async () => {
  await i18n.changeLanguage('en');
});

function toolbarButtons(channelType: string): string[] {
  render(<FormattingToolbar formats={formatsFor(channelType)} onFormat={() => undefined} buttonClassName="" />);
  const toolbar = screen.queryByRole('toolbar');
  if (!toolbar) return [];
  return within(toolbar)
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? '');
}

describe('the reply box formatting toolbar', () => {
  it.each(['Channel::WebWidget', 'Channel::Api'])('offers %s bold, italic, strike, code, lists and links, and no underline (Markdown has none)', (channel) => {
    const labels = toolbarButtons(channel);
    expect(labels).toEqual(['Bold (Ctrl/⌘ + B)', 'Italic (Ctrl/⌘ + I)', 'Strikethrough', 'Code (Ctrl/⌘ + E)', 'Bulleted list', 'Numbered list', 'Link']);
    expect(labels.some((l) => /underline/i.test(l))).toBe(false);
  });

  it('shows no toolbar for plain-text channels', () => {
    expect(toolbarButtons('Channel::Sms')).toEqual([]);
    expect(formatsFor(undefined)).toEqual([]);
  });

  it('never offers a format the Markdown writer cannot write', () => {
    for (const channel of ['Channel::WebWidget', 'Channel::Api', 'Channel::Email']) {
      expect(formatsFor(channel)).not.toContain('underline');
    }
  });
});
