import type { Module } from '../module';
import * as inboxes from '../inboxes/service';
import { csatSurveyRoutes } from './csat-routes';
import { widgetPageRoutes } from './pages';
import { widgetApiRoutes } from './routes';
import { sendCsatSurvey } from './service';

export const widgetModule: Module = {
  name: 'widget',
  routes: (app, ctx) => {
    widgetApiRoutes(app, ctx);
    widgetPageRoutes(app, ctx);
    csatSurveyRoutes(app, ctx);
  },
  handlers: (ctx) => [
    {
      name: 'widget.csat-survey',
      events: ['conversation.status_changed'],
      // Only resolutions in website inboxes that ask for a CSAT survey become jobs.
      wants: async (event, db, memo) => {
        const { status, inbox_id: inboxId } = event.payload as { status?: unknown; inbox_id?: unknown };
        const accountId = event.accountId;
        if (status !== 'resolved' || typeof inboxId !== 'number' || accountId === null) return false;
        return memo(`csat-survey:${accountId}:${inboxId}`, async () => {
          const inbox = await inboxes.findInbox(db, accountId, inboxId);
          return inbox?.channelType === 'web_widget' && inbox.csatSurveyEnabled;
        });
      },
      batched: true,
      handle: async (event) => {
        const { id } = event.payload as { id?: unknown };
        if (typeof id === 'number' && event.accountId !== null) await sendCsatSurvey(ctx, event.accountId, id);
      },
    },
  ],
};
