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
      wants: async (event, db) => {
        const { status, inbox_id: inboxId } = event.payload as { status?: unknown; inbox_id?: unknown };
        if (status !== 'resolved' || typeof inboxId !== 'number' || event.accountId === null) return false;
        const inbox = await inboxes.findInbox(db, event.accountId, inboxId);
        return inbox?.channelType === 'web_widget' && inbox.csatSurveyEnabled;
      },
      handle: async (event) => {
        const { id } = event.payload as { id?: unknown };
        if (typeof id === 'number' && event.accountId !== null) await sendCsatSurvey(ctx, event.accountId, id);
      },
    },
  ],
};
