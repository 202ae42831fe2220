// A tiny "dashboard app" for the journeys: an HTML page on its own origin (another port of
// 127.0.0.1) that asks the dashboard for its context and writes what it receives into its body.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PAGE = `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><title>Pedidos da loja</title>
<style>body{font:14px system-ui,sans-serif;margin:12px;color:#1f2937}h1{font-size:15px;margin:0 0 8px}p{margin:4px 0}</style></head>
<body>
<h1>Pedidos da loja</h1>
<p>Contato: <strong id="contact">aguardando…</strong></p>
<p>E-mail: <span id="email">—</span></p>
<p>Conversa: <span id="conversation">—</span></p>
<p>Atendente: <span id="agent">—</span></p>
<p>Contextos recebidos: <span id="count">0</span></p>
<script>
  let count = 0;
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !event.data || event.data.event !== 'appContext') return;
    const { conversation, contact, currentAgent } = event.data.data;
    count += 1;
    document.getElementById('contact').textContent = contact && contact.name;
    document.getElementById('email').textContent = (contact && contact.email) || '—';
    document.getElementById('conversation').textContent = '#' + conversation.id;
    document.getElementById('agent').textContent = currentAgent.name + ' <' + currentAgent.email + '>';
    document.getElementById('count').textContent = String(count);
  });
  window.parent.postMessage('chatwoot-dashboard-app:fetch-info', '*');
</script>
</body>
</html>`;

export type DashboardAppPage = { url: string; close(): Promise<void> };

export async function startDashboardAppPage(): Promise<DashboardAppPage> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET') return void response.writeHead(405).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pedidos`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
