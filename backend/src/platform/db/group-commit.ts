/**
 * Group commit: requests that arrive while a batch is being written wait for it and are written
 * together in the next one, so a burst of N concurrent webhooks costs a few transactions instead of
 * N. An idle server writes a lone request at once: batching adds no wait of its own.
 *
 * `write` gets the batch and answers each item in order; when it throws, a batch of several is
 * retried item by item, so one bad item fails only its own request.
 */
interface Waiter<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, O> {
  readonly #waiting: Waiter<I, O>[] = [];
  #writing = 0;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: { maxBatch: number; concurrency: number } = { maxBatch: 32, concurrency: 2 },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#waiting.length && this.#writing < this.options.concurrency) {
      const batch = this.#waiting.splice(0, this.options.maxBatch);
      this.#writing++;
      void this.#writeBatch(batch).finally(() => {
        this.#writing--;
        this.#next();
      });
    }
  }

  async #writeBatch(batch: Waiter<I, O>[]): Promise<void> {
    try {
      const out = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const b of batch) await this.write([b.item]).then(([out]) => b.resolve(out!), b.reject);
    }
  }
}
