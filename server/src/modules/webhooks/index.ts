import type { RetryPolicy } from '../../platform/jobs/jobs';
import type { Module } from '../module';
import { deliverApiInboxWebhook, WEBHOOK_EVENTS, webhookTarget } from './service';

/**
 * Quick first retries for a receiver's blip, then doubling up to an hour: about five hours of
 * attempts before a delivery is recorded as failed.
 */
const WEBHOOK_RETRY: RetryPolicy = { retryLimit: 15, retryDelaySeconds: 1, retryBackoff: true, retryDelayMaxSeconds: 3600, heartbeatSeconds: 30 };

export const webhooksModule: Module = {
  name: 'webhooks',
  handlers: (ctx) => [
    {
      name: 'webhooks.api-inbox',
      events: WEBHOOK_EVENTS,
      retry: WEBHOOK_RETRY,
      // Only events of API inboxes with a webhook become jobs.
      wants: async (event, db, memo) => (await webhookTarget(db, event, memo)) !== undefined,
      handle: (event) => deliverApiInboxWebhook(ctx, event),
    },
  ],
};
