import { describe, expect, it } from 'vitest';
import { appContextMessage, appOrigin, canEmbed, isFetchInfoRequest } from './app-context';

describe('dashboard app context', () => {
  it('sends the conversation and contact as given, and only the agent’s id, name and email', () => {
    const conversation = { id: 7, meta: { sender: { id: 3 } } };
    const contact = { id: 3, name: 'Ana' };
    const agent = { id: 9, name: 'Bia', email: 'bia@example.test', access_token: 'secret', pubsub_token: 'secret' };
    const message = appContextMessage(conversation, contact, agent);
    expect(message).toEqual({ event: 'appContext', data: { conversation, contact, currentAgent: { id: 9, name: 'Bia', email: 'bia@example.test' } } });
    expect(JSON.stringify(message)).not.toContain('secret');
  });

  it('posts only to the app’s own origin, and only for http(s) URLs', () => {
    expect(appOrigin('https://pedidos.example.test:8443/app?x=1#y')).toBe('https://pedidos.example.test:8443');
    expect(appOrigin('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000');
    expect(appOrigin('javascript:alert(1)')).toBeUndefined();
    expect(appOrigin('data:text/html,x')).toBeUndefined();
    expect(appOrigin('/relative')).toBeUndefined();
  });

  it('never embeds an app served from the dashboard’s own origin (the sandbox could be lifted)', () => {
    const dashboard = 'https://chat.example.test';
    expect(canEmbed('https://pedidos.example.test/app', dashboard)).toBe(true);
    expect(canEmbed('https://chat.example.test/pedidos', dashboard)).toBe(false);
    expect(canEmbed('javascript:alert(1)', dashboard)).toBe(false);
  });

  it('recognises the app’s request for the context, and nothing else', () => {
    expect(isFetchInfoRequest('chatwoot-dashboard-app:fetch-info')).toBe(true);
    expect(isFetchInfoRequest({ event: 'chatwoot-dashboard-app:fetch-info' })).toBe(false);
    expect(isFetchInfoRequest('other')).toBe(false);
  });
});
