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
