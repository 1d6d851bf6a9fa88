/**
 * A compact map from 53-bit hashes to row numbers, in typed arrays (12 bytes a slot), so that
 * remembering every letter and file name of a 100,000-row batch costs a few megabytes and no
 * garbage. A hash is a stand-in for its text: a false match is possible (about one in 10^9
 * at 100,000 rows) and callers only ever use one to be more careful, never less.
 */
const EMPTY = -1;

export class HashTable {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  private slot(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    let i = (key % 4294967296 ^ Math.floor(key / 4294967296)) & mask;
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slot(this.keys, key);
    return this.keys[i] === EMPTY ? undefined : this.values[i];
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(this.keys, key);
    if (this.keys[i] === EMPTY) this.count++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.values = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key === EMPTY) continue;
      const j = this.slot(this.keys, key);
      this.keys[j] = key;
      this.values[j] = oldValues[i] as number;
    }
  }
}
