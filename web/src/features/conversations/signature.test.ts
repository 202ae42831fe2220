import { describe, expect, it } from 'vitest';
import { signatureApplies, withSignature } from './signature';

describe('message signature', () => {
  it('applies to live chat, email and API inboxes when the agent has one', () => {
    for (const channel of ['Channel::WebWidget', 'Channel::Email', 'Channel::Api']) expect(signatureApplies(channel, '**Paula**')).toBe(true);
    expect(signatureApplies('Channel::Whatsapp', '**Paula**')).toBe(false);
    expect(signatureApplies('Channel::Api', '  ')).toBe(false);
    expect(signatureApplies('Channel::Api', null)).toBe(false);
    expect(signatureApplies(null, '**Paula**')).toBe(false);
  });

  it('goes after a blank line', () => {
    expect(withSignature('Olá, Helena!', '**Paula**\n\n![logo](https://cdn.example/l.png)\n')).toBe('Olá, Helena!\n\n**Paula**\n\n![logo](https://cdn.example/l.png)');
  });
});
