/** How many requests a bulk action keeps in flight (the server has no bulk endpoint: one call per conversation). */
const IN_FLIGHT = 4;

export type BulkOutcome = { done: number[]; failed: number[] };

/** Runs `change` on every id, a few at a time; a failure is counted, not thrown, so the others still happen. */
export async function runBulk(ids: number[], change: (id: number) => Promise<unknown>, inFlight = IN_FLIGHT): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        await change(id);
        outcome.done.push(id);
      } catch {
        outcome.failed.push(id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, ids.length) }, worker));
  return outcome;
}
