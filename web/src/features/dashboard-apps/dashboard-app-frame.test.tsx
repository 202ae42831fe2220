import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContextMessage } from './app-context';
import { APP_SANDBOX, DashboardAppFrame } from './dashboard-app-frame';

afterEach(cleanup);

const APP_URL = 'https://pedidos.example.test/painel?loja=1';
const APP_ORIGIN = 'https://pedidos.example.test';
const agent = { id: 9, name: 'Bia', email: 'bia@example.test' };
const contextFor = (name: string) => appContextMessage({ id: 7 }, { id: 3, name }, agent);

function renderFrame(name = 'Ana') {
  const view = render(<DashboardAppFrame url={APP_URL} title="Pedidos" context={contextFor(name)} />);
  const frame = view.container.querySelector('iframe')!;
  const target = frame.contentWindow!;
  const postMessage = vi.spyOn(target, 'postMessage').mockImplementation(() => undefined);
  const rerender = (next: string) => view.rerender(<DashboardAppFrame url={APP_URL} title="Pedidos" context={contextFor(next)} />);
  const fromWindow = (data: unknown, source: MessageEventSource | null, origin: string) =>
    act(() => {
      window.dispatchEvent(new MessageEvent('message', { data, source, origin }));
    });
  return { frame, target, postMessage, rerender, fromWindow };
}

describe('DashboardAppFrame', () => {
  it('embeds the app in a sandbox without top navigation, sending no referrer', () => {
    const { frame } = renderFrame();
    expect(frame.getAttribute('src')).toBe(APP_URL);
    expect(frame.getAttribute('sandbox')).toBe(APP_SANDBOX);
    expect(APP_SANDBOX.split(' ').sort()).toEqual(['allow-forms', 'allow-popups', 'allow-same-origin', 'allow-scripts']);
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('posts the context to the app’s origin once its page has loaded, and again when the context changes', () => {
    const { frame, postMessage, rerender } = renderFrame('Ana');
    // Before the load event the frame holds a blank page: nothing goes there.
    expect(postMessage).not.toHaveBeenCalled();
    fireEvent.load(frame);
    expect(postMessage).toHaveBeenLastCalledWith(contextFor('Ana'), APP_ORIGIN);
    rerender('Ana Paula');
    expect(postMessage).toHaveBeenLastCalledWith(contextFor('Ana Paula'), APP_ORIGIN);
    expect(postMessage).toHaveBeenCalledTimes(2);
  });

  it('answers the app’s fetch-info request, and only from its frame and origin', () => {
    const { target, postMessage, fromWindow } = renderFrame('Ana');
    fromWindow('chatwoot-dashboard-app:fetch-info', window, APP_ORIGIN);
    fromWindow('chatwoot-dashboard-app:fetch-info', target, 'https://evil.example.test');
    fromWindow('something else', target, APP_ORIGIN);
    expect(postMessage).not.toHaveBeenCalled();
    fromWindow('chatwoot-dashboard-app:fetch-info', target, APP_ORIGIN);
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage).toHaveBeenLastCalledWith(contextFor('Ana'), APP_ORIGIN);
  });
});
