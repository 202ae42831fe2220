import { z } from 'zod';

/** The one error body, documented on every route. */
export const errorBody = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. validation_failed, not_found'),
    message: z.string(),
    description: z.string().describe('Same as message (the Chatwoot contract names it description)'),
    errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string() })),
  })
  .meta({ id: 'Error' });

/** Error responses to document for a route, by status. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorBody]));
}
