// The postMessage protocol between the loader (on the customer's page) and the widget iframe.
// Every message carries `rh: 1`; each side checks the other's origin and window before acting.

/** Loader → widget. */
export type LoaderCommand =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'setUser'; identifier: string; user: Record<string, unknown> }
  | { type: 'setCustomAttributes'; attributes: Record<string, unknown> }
  | { type: 'deleteCustomAttribute'; key: string }
  | { type: 'setConversationCustomAttributes'; attributes: Record<string, unknown> }
  | { type: 'setLabel'; label: string }
  | { type: 'removeLabel'; label: string }
  | { type: 'setLocale'; locale: string }
  | { type: 'setColorScheme'; scheme: 'light' | 'auto' | 'dark' };

/** Widget → loader. */
export type WidgetEvent =
  | { type: 'ready' }
  | { type: 'config'; color: string }
  | { type: 'auth'; token: string }
  | { type: 'close' }
  | { type: 'popout' }
  | { type: 'unread'; text: string }
  | { type: 'message'; message: unknown }
  | { type: 'conversation-started'; conversation: unknown }
  | { type: 'error'; error: { code: string; message: string } };

/** What the loader passes in the iframe URL's fragment (never sent to the server). */
export type FrameParams = { auth?: string | null; locale?: string; dark?: 'light' | 'auto' | 'dark'; popout?: boolean; style?: string; parent?: string; standalone?: boolean };
