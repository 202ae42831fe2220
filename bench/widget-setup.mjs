// What the widget benchmarks share: a fresh embedded node with an account, its administrator and a
// website inbox (the widget's), made through the public API as a user would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode } from './lib.mjs';

/**
 * @returns {Promise<{ url: string, token: string, accountId: number, inboxId: number, websiteToken: string, stop(): Promise<void> }>}
 */
export async function startWithWebsiteInbox() {
  const dir = mkdtempSync(join(tmpdir(), 'rockethub-bench-widget-'));
  const node = await startNode({ DATA_DIR: join(dir, 'data') });
  try {
    const signUp = await fetch(`${node.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account_name: 'Widget bench', user_full_name: 'Bench', email: `bench-${Date.now()}@rockethub.test`, password: 'Bench-password-1' }),
    });
    if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
    const { data } = /** @type {{ data: { account_id: number, access_token: string } }} */ (await signUp.json());
    const headers = { 'content-type': 'application/json', api_access_token: data.access_token };
    const created = await fetch(`${node.url}/api/v1/accounts/${data.account_id}/inboxes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Site', channel: { type: 'web_widget', website_url: 'https://site.example.test', welcome_title: 'Olá!' } }),
    });
    if (created.status !== 200) throw new Error(`inbox: ${created.status} ${await created.text()}`);
    const inbox = /** @type {{ id: number, website_token: string }} */ (await created.json());
    return {
      url: node.url,
      token: data.access_token,
      accountId: data.account_id,
      inboxId: inbox.id,
      websiteToken: inbox.website_token,
      async stop() {
        await node.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
