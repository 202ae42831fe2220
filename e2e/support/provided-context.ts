// What the global setup hands to the journeys (read with `inject(...)` from 'vitest').
declare module 'vitest' {
  export interface ProvidedContext {
    /** The running RocketHub, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** The global setup's small control endpoint (POST /restart). */
    controlUrl: string;
  }
}

export {};
