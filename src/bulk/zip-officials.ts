/**
 * A bulk row's US ZIP code names its official, as `draft --zip` does: the ZIP is read from a
 * `zip` or `postcode` column (however the header mapping names it), and fills the official's
 * name and address where the row and the options give none. A row whose ZIP gives several
 * officials, or a vacant seat, fails with its row and column named.
 */
import { fieldsFor, officialForZip, stateOfZip } from '../officials/for-letter.js';
import { officialsSource } from '../officials/sources.js';
import type { OfficialsSource } from '../officials/types.js';
import { parseZip } from '../officials/us/lookup.js';
import type { InputRow } from '../io/rows.js';
import type { LetterRequest } from '../request.js';
import { normaliseHeader } from './header-match.js';

const ZIP_HEADERS = new Set(['zip', 'zip code', 'zipcode', 'postcode', 'postal code', 'zip/postal code', 'postal/zip code'].map(normaliseHeader));

export function isZipHeader(header: string): boolean {
  return ZIP_HEADERS.has(normaliseHeader(header));
}

function zipCell(row: InputRow): { header: string; value: string } | undefined {
  for (const [header, value] of row.entries) {
    if (!isZipHeader(header)) continue;
    const text = typeof value === 'number' ? String(value).padStart(5, '0') : typeof value === 'string' ? value.trim() : '';
    if (text !== '') return { header, value: text };
  }
  return undefined;
}

export type ZipFill = { ok: true; request: LetterRequest } | { ok: false; error: string };

export class RowOfficials {
  private source?: OfficialsSource;
  /** Called once, when a row first uses the directory (to say how old it is). */
  constructor(private readonly onFirstUse: (source: OfficialsSource) => void = () => {}) {}

  fill(row: InputRow, request: LetterRequest, where: string, columnWord: string): ZipFill {
    if (request.region !== 'us') return { ok: true, request };
    // A header mapped to postcode with --map still counts: its value is in the request.
    const cell = zipCell(row) ?? (request.postcode ? { header: 'postcode', value: request.postcode } : undefined);
    if (!cell) return { ok: true, request };
    if (!this.source) {
      this.source = officialsSource('us');
      if (this.source) this.onFirstUse(this.source);
    }
    const source = this.source;
    if (!source?.recipients.includes(request.recipient)) return { ok: true, request };
    const at = `${where}, ${columnWord} ${cell.header}`;
    const zip = parseZip(cell.value);
    if (!zip) return { ok: false, error: `${at}: "${cell.value}" is not a ZIP code; give five digits, like 97201` };
    const given = { recipient: request.recipient, recipientName: request.recipientName, recipientAddress: request.recipientAddress };
    const outcome = officialForZip(source, zip, given, `a recipient_name ${columnWord} (or --recipient-name)`);
    if (!outcome.ok)
      return { ok: false, error: `${at}: ${outcome.message.replace(/:?\n\s+/g, (m) => (m.startsWith(':') ? ': ' : '; ')).replace(/\s+/g, ' ')}` };
    // The ZIP's state goes on the sender's town line when the row gives none.
    const withState = request.state ? request : { ...request, state: stateOfZip(outcome.result) };
    if (!outcome.official) return { ok: true, request: withState };
    return { ok: true, request: { ...withState, ...fieldsFor(outcome.official, given) } };
  }
}
