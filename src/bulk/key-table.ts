/**
 * Numbers the distinct 53-bit hashes (hash53) a bulk run keeps, 0, 1, 2... in the order they
 * first came, in two typed arrays: about 16 to 32 bytes a key, where a Map or Set of such keys
 * costs some 50 (an entry, and a heap number for every key above 2^31) and leaves a small
 * object per key for the collector to trace. What a caller keeps per key goes in its own typed
 * arrays, indexed by the number (see grownTo).
 */
export class KeyTable {
  /** Open addressing: a slot's key, and its number + 1 (0: the slot is free). */
  private keys = new Float64Array(16);
  private numbers = new Int32Array(16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The slot of a key: where it is, or the free slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // A hash53's low 32 bits are well mixed (they are one of its two halves), so they pick the slot.
    let i = (key >>> 0) & mask;
    while (this.numbers[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The key's number, or -1 if it has none. */
  get(key: number): number {
    return (this.numbers[this.slot(key)] as number) - 1;
  }

  has(key: number): boolean {
    return this.get(key) !== -1;
  }

  /** The key's number, given it now if it had none (the next number, which is size - 1 after). */
  add(key: number): number {
    let i = this.slot(key);
    const had = this.numbers[i] as number;
    if (had !== 0) return had - 1;
    // At most three quarters full, so a look-up stays a probe or two.
    if ((this.count + 1) * 4 > this.keys.length * 3) {
      this.grow();
      i = this.slot(key);
    }
    this.keys[i] = key;
    this.numbers[i] = ++this.count;
    return this.count - 1;
  }

  private grow(): void {
    const { keys, numbers } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.numbers = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (numbers[i] === 0) continue;
      const j = this.slot(keys[i] as number);
      this.keys[j] = keys[i] as number;
      this.numbers[j] = numbers[i] as number;
    }
  }
}

type Typed = Int32Array | Uint16Array | Uint8Array | Float64Array;

/** The array itself if it holds `need` elements, else a copy at least twice its length. */
export function grownTo<T extends Typed>(array: T, need: number): T {
  if (need <= array.length) return array;
  let n = Math.max(array.length * 2, 16);
  while (n < need) n *= 2;
  const copy = new (array.constructor as new (n: number) => T)(n);
  copy.set(array as never);
  return copy;
}
