import { useCallback, useEffect, useRef } from 'react';
import { appOrigin, isFetchInfoRequest, type AppContextMessage } from './app-context';

/**
 * What an embedded app may do: run its scripts, keep its own origin (its cookies and API calls),
 * submit its forms and open links in new tabs. No top navigation, no downloads, no modals: it
 * cannot take the agent away from the dashboard. (Apps on the dashboard's own origin are never
 * embedded — `canEmbed` — since with these two flags they could lift the sandbox.)
 */
export const APP_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups';

type DashboardAppFrameProps = { url: string; title: string; context: AppContextMessage };

/**
 * One dashboard app in a sandboxed frame. It is sent the context when it loads, whenever it asks
 * ('chatwoot-dashboard-app:fetch-info') and whenever the context changes (another conversation,
 * an edited contact), always to the app's own origin.
 */
export function DashboardAppFrame({ url, title, context }: DashboardAppFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  /** Until the app's page has loaded the frame holds a blank page of the dashboard's origin: nothing goes there. */
  const loaded = useRef(false);
  const origin = appOrigin(url);

  const post = useCallback(() => {
    const target = frame.current?.contentWindow;
    if (target && origin && loaded.current) target.postMessage(context, origin);
  }, [context, origin]);

  // Again whenever the context changes (another conversation, an edited contact).
  useEffect(post, [post]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== origin) return;
      if (!isFetchInfoRequest(event.data)) return;
      // The request comes from the app's own page, so it is there (its load event may come later).
      loaded.current = true;
      post();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [origin, post]);

  return (
    <iframe
      ref={frame}
      src={url}
      title={title}
      sandbox={APP_SANDBOX}
      referrerPolicy="no-referrer"
      onLoad={() => {
        loaded.current = true;
        post();
      }}
      className="h-[28rem] w-full rounded-lg border border-line bg-white"
    />
  );
}
