/**
 * Lines from a fetch and lines pushed live can overlap or arrive out of order (a push during a
 * reconnect's refetch, say): merge them by id, oldest first.
 */
export function mergeById<T extends { id: string; createdAt: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(current.map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
