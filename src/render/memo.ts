/**
 * Values remembered per owner (a pack) and string key: a pack's templates are compiled, and its
 * facts' wordings prepared, once rather than once per letter. The owner is held weakly: a pack
 * that is dropped takes its values with it. A bounded memo starts afresh when full, for keys that
 * come from what users type.
 */
export type Memo<O extends object, V> = (owner: O, key: string, make: () => V) => V;

export function memo<O extends object, V>(limit = Number.POSITIVE_INFINITY): Memo<O, V> {
  const byOwner = new WeakMap<O, Map<string, V>>();
  return (owner, key, make) => {
    let values = byOwner.get(owner);
    if (!values || values.size >= limit) byOwner.set(owner, (values = new Map()));
    let value = values.get(key);
    if (value === undefined) {
      value = make();
      values.set(key, value);
    }
    return value;
  };
}
