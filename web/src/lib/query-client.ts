import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
const shouldRetry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

export const queryClient = new QueryClient({
  defaultOptions: {
    // Coming back to the tab refreshes what a colleague may have changed meanwhile.
    queries: { retry: shouldRetry, refetchOnWindowFocus: true, staleTime: 5_000 },
    mutations: { retry: false },
  },
});
