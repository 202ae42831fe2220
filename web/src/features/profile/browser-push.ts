import { deleteSubscription, fetchVapidKey, saveSubscription } from './profile-api';

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export const pushSupported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** base64url → bytes (`applicationServerKey`). */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4);
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const bytesToBase64Url = (buffer: ArrayBuffer | null) =>
  buffer ? btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : '';

const registration = () => navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' });

export async function currentPushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const existing = await navigator.serviceWorker.getRegistration('/app/');
  const subscription = await existing?.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'on' : 'off';
}

/** Asks the browser for permission, subscribes with the server's VAPID key and registers the subscription. */
export async function enableBrowserPush(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  const worker = await registration();
  await navigator.serviceWorker.ready;
  const { vapid_public_key: key } = await fetchVapidKey();
  const subscription =
    (await worker.pushManager.getSubscription()) ??
    (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
  await saveSubscription({
    endpoint: subscription.endpoint,
    p256dh: bytesToBase64Url(subscription.getKey('p256dh')),
    auth: bytesToBase64Url(subscription.getKey('auth')),
  });
  return 'on';
}

export async function disableBrowserPush(): Promise<PushState> {
  const existing = await navigator.serviceWorker.getRegistration('/app/');
  const subscription = await existing?.pushManager.getSubscription();
  if (subscription) {
    await deleteSubscription(subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe();
  }
  return 'off';
}
