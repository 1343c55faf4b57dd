import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A writer that records its batches and answers each item doubled; `release` lets the batch in progress finish. */
function recordingWriter(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (fail(items)) throw new Error(`refused ${items.join(',')}`);
    return items.map((i) => i * 2);
  };
  const releaseAll = async () => {
    while (gates.length) {
      gates.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, write, releaseAll };
}

describe('GroupCommit', () => {
  it('writes a lone item at once, without waiting for company', async () => {
    const writer = recordingWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 10, concurrency: 1 });
    const answer = group.submit(1);
    expect(writer.batches).toEqual([[1]]);
    await writer.releaseAll();
    expect(await answer).toBe(2);
  });

  it('writes what arrived during a write together in the next batch, in arrival order', async () => {
    const writer = recordingWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 10, concurrency: 1 });
    const answers = [1, 2, 3, 4].map((i) => group.submit(i));
    expect(writer.batches).toEqual([[1]]);
    await writer.releaseAll();
    expect(await Promise.all(answers)).toEqual([2, 4, 6, 8]);
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within the maximum and runs as many at once as allowed', async () => {
    const writer = recordingWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 2, concurrency: 2 });
    const answers = [1, 2, 3, 4, 5, 6, 7].map((i) => group.submit(i));
    expect(writer.batches).toEqual([[1], [2]]);
    await writer.releaseAll();
    await Promise.all(answers);
    expect(writer.batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...writer.batches.map((b) => b.length))).toBe(2);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const writer = recordingWriter((items) => items.includes(3));
    const group = new GroupCommit(writer.write, { maxBatch: 10, concurrency: 1 });
    const answers = [1, 2, 3, 4].map((i) => group.submit(i).catch((error: Error) => error.message));
    await writer.releaseAll();
    expect(await Promise.all(answers)).toEqual([2, 4, 'refused 3', 8]);
    expect(writer.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
