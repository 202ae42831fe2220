/* global self */
/* RocketHub's service worker: shows browser push notifications and opens their conversation on click. */
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: event.data ? event.data.text() : 'RocketHub' };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || 'RocketHub', {
      body: data.body || '',
      tag: data.tag,
      icon: '/app/favicon.svg',
      data: { url: data.url || '/app/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/app/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if ('focus' in client && 'navigate' in client) return client.navigate(url).then((c) => (c ? c.focus() : undefined));
      }
      return self.clients.openWindow(url);
    }),
  );
});
