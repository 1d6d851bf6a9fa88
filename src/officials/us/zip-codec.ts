/**
 * The ZIP -> congressional district table as one string: ZIPs sorted, each written as its
 * distance from the one before (base 36), followed by its districts ("OR1", "OR1,OR3"). About
 * 34,000 ZIPs fit in a few hundred kilobytes that gzip to a fraction of that.
 */

/** "OR1" for Oregon's 1st district; district 0 is an at-large seat. */
export type DistrictCode = string;

const ENTRY = /^([0-9a-z]+)([A-Z]{2}\d{1,2}(?:,[A-Z]{2}\d{1,2})*)$/;

export function encodeZips(table: ReadonlyMap<string, readonly DistrictCode[]>): string {
  const zips = [...table.keys()].sort();
  let previous = 0;
  const out: string[] = [];
  for (const zip of zips) {
    const n = Number(zip);
    out.push(`${(n - previous).toString(36)}${[...(table.get(zip) ?? [])].join(',')}`);
    previous = n;
  }
  return out.join(';');
}

export function decodeZips(text: string): Map<string, DistrictCode[]> {
  const table = new Map<string, DistrictCode[]>();
  if (text === '') return table;
  let previous = 0;
  for (const entry of text.split(';')) {
    const m = ENTRY.exec(entry);
    if (!m) throw new Error(`the ZIP table has a malformed entry "${entry.slice(0, 20)}"`);
    previous += parseInt(m[1] as string, 36);
    table.set(String(previous).padStart(5, '0'), (m[2] as string).split(','));
  }
  return table;
}

export function splitDistrict(code: DistrictCode): { state: string; district: number } {
  return { state: code.slice(0, 2), district: Number(code.slice(2)) };
}

/** The whole table's shape, checked once when a file is read: a damaged copy is refused, not misread. */
export const ZIP_TABLE = /^(?:[0-9a-z]+[A-Z]{2}\d{1,2}(?:,[A-Z]{2}\d{1,2})*(?:;(?=.)|$))*$/;

/**
 * Walks the table in ZIP order without building it: `visit` gets each ZIP (as a number) and the
 * span of its districts in `text`, and returns false to stop. A lookup reads a few kilobytes of
 * the string instead of making 34,000 map entries.
 */
export function scanZips(text: string, visit: (zip: number, from: number, to: number) => boolean | void): void {
  let zip = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let end = text.indexOf(';', i);
    if (end < 0) end = n;
    let j = i;
    let delta = 0;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c >= 48 && c <= 57) delta = delta * 36 + (c - 48);
      else if (c >= 97 && c <= 122) delta = delta * 36 + (c - 87);
      else break;
    }
    zip += delta;
    if (visit(zip, j, end) === false) return;
    i = end + 1;
  }
}

/** The districts of one ZIP, or undefined when the table lacks it. */
export function districtsOfZip(text: string, zip: string): DistrictCode[] | undefined {
  const target = Number(zip);
  let found: DistrictCode[] | undefined;
  scanZips(text, (z, from, to) => {
    if (z === target) found = text.slice(from, to).split(',');
    return z < target;
  });
  return found;
}

/** Every district code of the ZIPs from `first` to `last` (inclusive), or of all ZIPs. */
export function districtsInRange(text: string, first = 0, last = Infinity): Set<DistrictCode> {
  const codes = new Set<DistrictCode>();
  // Neighbouring ZIPs mostly share their districts: an entry like the one before adds nothing.
  let previous = '';
  scanZips(text, (z, from, to) => {
    if (z > last) return false;
    if (z < first || (to - from === previous.length && text.startsWith(previous, from))) return true;
    previous = text.slice(from, to);
    for (const code of previous.split(',')) codes.add(code);
    return true;
  });
  return codes;
}
