// The loader a website embeds (`/packs/js/sdk.js`, Chatwoot's path, or `/widget/sdk.js`). It draws
// the bubble at once with plain DOM and loads the widget (an iframe on the RocketHub origin) only on
// the first open, when the page is idle, or when the page calls the API. Budget: 4 KB gzip.
import type { LoaderCommand, WidgetEvent } from './protocol';

type Settings = {
  position?: 'left' | 'right';
  type?: 'standard' | 'expanded_bubble';
  launcherTitle?: string;
  hideMessageBubble?: boolean;
  showPopoutButton?: boolean;
  darkMode?: 'light' | 'auto' | 'dark';
  locale?: string;
  useBrowserLanguage?: boolean;
  widgetStyle?: 'standard' | 'flat';
  showUnreadMessagesDialog?: boolean;
};

type W = Window & Record<string, unknown>;
const w = window as unknown as W;
const d = document;

function run({ websiteToken, baseUrl }: { websiteToken: string; baseUrl?: string }) {
  if (w.$chatwoot) return;
  const settings: Settings = (w.chatwootSettings || w.rocketHubSettings || {}) as Settings;
  const base = (baseUrl || '').replace(/\/$/, '');
  const origin = new URL(base || '/', location.href).origin;
  const storeKey = 'rh_widget:' + websiteToken;
  const store = {
    get: (k: string) => {
      try {
        return localStorage.getItem(storeKey + k);
      } catch {
        return null;
      }
    },
    set: (k: string, v: string | null) => {
      try {
        if (v === null) localStorage.removeItem(storeKey + k);
        else localStorage.setItem(storeKey + k, v);
      } catch {
        /* storage blocked: the session lasts this page */
      }
    },
  };
  let locale = settings.useBrowserLanguage ? navigator.language : settings.locale;
  const left = settings.position === 'left';
  const expanded = settings.type === 'expanded_bubble';
  let open = false;
  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  const queue: LoaderCommand[] = [];

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, css: string, parent: Node = d.body) => {
    const node = d.createElement(tag);
    node.style.cssText = css;
    parent.appendChild(node);
    return node;
  };
  const side = (left ? 'left' : 'right') + ':20px;';
  const color = store.get(':color') || '#1f93ff';

  const holder = el('div', 'position:fixed;z-index:2147483000;bottom:104px;' + side + 'width:400px;height:min(680px,calc(100% - 124px));display:none;border-radius:16px;overflow:hidden;box-shadow:0 12px 48px rgba(0,0,0,.2)');
  const bubble = el(
    'button',
    'position:fixed;z-index:2147483000;bottom:20px;' +
      side +
      'height:64px;min-width:64px;border:0;border-radius:32px;cursor:pointer;color:#fff;display:flex;align-items:center;justify-content:center;gap:8px;font:600 16px system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:0 ' +
      (expanded ? '24px' : '0') +
      ';background:' +
      color,
  );
  bubble.setAttribute('aria-label', settings.launcherTitle || 'Chat');
  bubble.className = 'woot-widget-bubble';
  const chatIcon = '<svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M12 3C6.5 3 2 6.9 2 11.7c0 2.4 1.1 4.6 3 6.2L4.3 21l3.9-1.9c1.2.4 2.5.6 3.8.6 5.5 0 10-3.9 10-8.7S17.5 3 12 3z"/></svg>';
  const closeIcon = '<svg width="24" height="24" viewBox="0 0 24 24" stroke="currentColor" stroke-width="2.5" fill="none" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18"/></svg>';
  const title = settings.launcherTitle || ({ pt: 'Fale conosco', es: 'Chatea con nosotros' } as Record<string, string>)[(locale || navigator.language).slice(0, 2)] || 'Chat with us';
  const drawBubble = () => {
    bubble.innerHTML = open ? closeIcon : chatIcon;
    if (expanded && !open) bubble.appendChild(d.createTextNode(title));
    bubble.style.padding = expanded && !open ? '0 24px' : '0';
  };
  drawBubble();
  // Chatwoot's hideMessageBubble: no launcher; the page opens the widget with $chatwoot.toggle().
  if (settings.hideMessageBubble) bubble.dataset.hidden = '1';
  const previews = el('div', 'position:fixed;z-index:2147483000;bottom:96px;' + side + 'display:flex;flex-direction:column;gap:8px;max-width:300px;align-items:' + (left ? 'flex-start' : 'flex-end'));

  const dispatch = (name: string, detail?: unknown) => w.dispatchEvent(new CustomEvent('chatwoot:' + name, { detail }));
  const post = (command: LoaderCommand) => {
    if (ready && frame?.contentWindow) frame.contentWindow.postMessage({ rh: 1, ...command }, origin);
    else queue.push(command);
  };
  const fit = () => {
    const small = innerWidth < 668;
    const s = holder.style;
    s.bottom = small ? '0' : '104px';
    s.width = small ? '100%' : '400px';
    s.height = small ? '100%' : 'min(680px,calc(100% - 124px))';
    s.borderRadius = small ? '0' : '16px';
    s[left ? 'left' : 'right'] = small ? '0' : '20px';
    bubble.style.display = (small && open) || bubble.dataset.hidden ? 'none' : 'flex';
  };

  const load = () => {
    if (frame) return;
    const params = { auth: store.get(''), locale, dark: settings.darkMode, popout: settings.showPopoutButton, style: settings.widgetStyle, parent: location.origin };
    frame = el('iframe', 'border:0;width:100%;height:100%;background:transparent', holder);
    frame.title = title;
    frame.allow = 'clipboard-write';
    frame.src = base + '/widget?website_token=' + encodeURIComponent(websiteToken) + '#' + encodeURIComponent(JSON.stringify(params));
  };

  const setOpen = (value: boolean) => {
    if (value === open) return;
    open = value;
    if (open) load();
    holder.style.display = open ? 'block' : 'none';
    previews.innerHTML = '';
    drawBubble();
    fit();
    post({ type: open ? 'open' : 'close' });
    dispatch(open ? 'opened' : 'closed');
  };
  bubble.onclick = () => setOpen(!open);
  addEventListener('resize', fit);

  const showPreview = (text: string) => {
    if (settings.showUnreadMessagesDialog === false || open) return;
    const card = el('button', 'border:0;background:#fff;color:#1f2937;text-align:start;padding:12px 16px;border-radius:12px;box-shadow:0 4px 16px rgba(0,0,0,.15);font:14px/1.4 system-ui,sans-serif;cursor:pointer;max-width:300px;overflow:hidden;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical', previews);
    card.textContent = text;
    card.onclick = () => setOpen(true);
    while (previews.children.length > 3) previews.firstChild!.remove();
  };

  addEventListener('message', (event: MessageEvent) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data as WidgetEvent & { rh?: number };
    if (!data || data.rh !== 1) return;
    switch (data.type) {
      case 'ready':
        ready = true;
        queue.splice(0).forEach(post);
        if (open) post({ type: 'open' });
        break;
      case 'config':
        bubble.style.background = data.color;
        store.set(':color', data.color);
        break;
      case 'auth':
        store.set('', data.token);
        break;
      case 'close':
        setOpen(false);
        break;
      case 'unread':
        showPreview(data.text);
        break;
      case 'message':
        dispatch('on-message', data.message);
        break;
      case 'conversation-started':
        dispatch('on-start-conversation', data.conversation);
        break;
      case 'error':
        dispatch('error', data.error);
        break;
      case 'popout':
        popout();
        break;
    }
  });

  const popout = () => {
    const auth = store.get('');
    if (open) setOpen(false);
    w.open(base + '/widget?website_token=' + encodeURIComponent(websiteToken) + '#' + encodeURIComponent(JSON.stringify({ auth, locale, dark: settings.darkMode, popout: false, standalone: true })), 'rh-widget', 'width=420,height=680');
  };
  const send = (command: LoaderCommand) => {
    load();
    post(command);
  };

  w.$chatwoot = {
    hasLoaded: true,
    get isOpen() {
      return open;
    },
    toggle: (state?: 'open' | 'close') => setOpen(state ? state === 'open' : !open),
    toggleBubbleVisibility: (state?: 'show' | 'hide') => {
      const hide = state ? state === 'hide' : !bubble.dataset.hidden;
      if (hide) bubble.dataset.hidden = '1';
      else delete bubble.dataset.hidden;
      fit();
    },
    popoutChatWindow: popout,
    setUser: (identifier: string, user: Record<string, unknown> = {}) => send({ type: 'setUser', identifier: String(identifier), user }),
    setCustomAttributes: (attributes: Record<string, unknown>) => send({ type: 'setCustomAttributes', attributes }),
    deleteCustomAttribute: (key: string) => send({ type: 'deleteCustomAttribute', key }),
    setConversationCustomAttributes: (attributes: Record<string, unknown>) => send({ type: 'setConversationCustomAttributes', attributes }),
    setLabel: (label: string) => send({ type: 'setLabel', label }),
    removeLabel: (label: string) => send({ type: 'removeLabel', label }),
    setLocale: (value: string) => {
      locale = value;
      post({ type: 'setLocale', locale: value });
    },
    setColorScheme: (scheme: 'light' | 'auto' | 'dark') => post({ type: 'setColorScheme', scheme }),
    reset: () => {
      store.set('', null);
      setOpen(false);
      previews.innerHTML = '';
      frame?.remove();
      frame = undefined;
      ready = false;
      queue.length = 0;
    },
  };
  fit();
  // Warm the widget when the page has nothing else to do, so the first open is instant.
  const idle = (w.requestIdleCallback as ((cb: () => void, o: object) => void) | undefined) ?? ((cb: () => void) => setTimeout(cb, 3000));
  idle(load, { timeout: 5000 });
  dispatch('ready');
}

w.chatwootSDK = w.rocketHubSDK = { run };
