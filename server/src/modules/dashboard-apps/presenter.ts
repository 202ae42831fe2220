import type { DashboardAppRow } from './repository';

/** A dashboard app in Chatwoot's shape: `content` is the list of frames, `{ type: 'frame', url }`. */
export function presentDashboardApp(row: DashboardAppRow) {
  return {
    id: row.id,
    title: row.title,
    content: row.content.map((frame) => ({ type: frame.type, url: frame.url })),
    created_at: row.createdAt.toISOString(),
  };
}
