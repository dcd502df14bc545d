/** How long a group waits for more keys before it goes (a store-backed cache answers its misses a few ms apart). */
const GATHER_MS = 5;

interface Pending<V> {
  key: string;
  resolve: (value: V | undefined) => void;
  reject: (reason: unknown) => void;
}

/**
 * Gathers the keys of one batch call into groups of at most `size` and loads each group with one
 * request of a list operation (`decorateContextTracks` for 50 uris). `load(key)` resolves to the
 * key's value, or undefined when the answer had no usable entry for it (that value then takes the
 * per-entity path); it rejects when the group's request failed as a whole. A group goes when full, or
 * when no key came for GATHER_MS.
 */
export class ListLoader<V> {
  readonly #run: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>;
  readonly #size: number;
  #pending: Array<Pending<V>> = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(run: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>, size = 50) {
    this.#run = run;
    this.#size = size;
  }

  load(key: string): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      this.#pending.push({ key, resolve, reject });
      if (this.#pending.length >= this.#size) this.#flush();
      else {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => this.#flush(), GATHER_MS);
      }
    });
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const group = this.#pending.splice(0, this.#size);
    if (this.#pending.length > 0) this.#timer = setTimeout(() => this.#flush(), 0);
    if (group.length === 0) return;
    const keys = [...new Set(group.map((entry) => entry.key))];
    this.#run(keys).then(
      (found) => {
        for (const entry of group) entry.resolve(found.get(entry.key));
      },
      (reason: unknown) => {
        for (const entry of group) entry.reject(reason);
      },
    );
  }
}
