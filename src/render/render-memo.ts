/**
 * render() for a batch: the same letter as render() gives, made by reusing what the template
 * printed for earlier letters of the same shape. Bulk renders thousands of letters that differ
 * only in the writer's values and the seed's choice of phrasings, so running Handlebars over the
 * whole template for each is mostly repeated work.
 *
 * How: the view is built with placeholders where the writer's values go (the shape: everything
 * else in the view, which includes whether each value is empty and how many address lines there
 * are). The template renders once per shape with each {{#variants}} block left as a placeholder
 * too, and each phrasing of a block renders once, when a letter first picks it. A letter is then
 * those pieces joined, with its own values put in, and finished exactly as render() finishes.
 * That equals render() when the template only prints the writer's values (isSubstitutable) and
 * prints them unescaped (text, Markdown, email and PDF; HTML letters use render() itself), and
 * a property test holds the two to the same output.
 */
import type { LetterTemplate, Pack, PackFact } from '../pack/load.js';
import { bodyFormatOf, type LetterRequest } from '../request.js';
import type { RenderState } from './compile.js';
import { NO_TRIM } from './fit.js';
import { memo } from './memo.js';
import { letterFrom, letterState, prepareLetter, render, runTemplate, tidy, type Letter, type PreparedLetter } from './render.js';
import { splitSections, type LetterSection, type SectionRole } from './sections.js';
import { spanWords, WordTally, wordSpan, type WordSpan } from './word-count.js';
import { isSubstitutable } from './substitutable.js';
import { chosenVariant, seedState } from './variation.js';
import { factPickName } from './fact-text.js';

/** What a block's phrasing or the whole template printed, split at placeholders. */
interface Piece {
  /** Its index in Shape.pieces: sections are remembered by the pieces they are made of. */
  id: number;
  /** Text, a writer's value (its index), or a {{#variants}} block to fill with a phrasing. */
  parts: (string | number | Block)[];
  /** The facts it cited and the blocks it met, in the order the template did both. */
  events: (string | Block)[];
  /** Its text holds a section marker: a {{#section}} inside a phrasing. */
  marked: boolean;
}

interface Block {
  /** Its index in Shape.blocks, and in a letter's list of chosen phrasings. */
  index: number;
  name: string;
  eligible: number[];
  renderPick: (pick: number) => string;
  /** By phrasing: its piece, or null if it failed to render (render() then reports why). */
  phrasings: Map<number, Piece | null>;
}

/** A section of the template's output, with its blocks still to fill. */
interface PlannedSection {
  role?: SectionRole;
  parts: Piece['parts'];
  /** Tidied, by the ids of the pieces that fill its blocks. */
  tidied: Map<string, TidySection>;
}

/** A section tidied, split at the writer's values (their index), each text part's words counted. */
interface TidySection {
  role?: SectionRole;
  parts: (string | number)[];
  spans: (WordSpan | number)[];
  /** By fact id: whether the fact's wording stands in the section's own text (worked out when first asked). */
  holdsFact?: Map<string, boolean>;
}

interface Shape {
  top: Piece;
  blocks: Block[];
  pieces: Piece[];
  /** Where cites and blocks met while rendering go (the piece being rendered). */
  events: Piece['events'];
  /** The template's sections around its blocks (null if the output held a stray marker). */
  plan: PlannedSection[] | null;
  /** Sections tidied, by role and text, for letters whose phrasings hold section markers. */
  sections: Map<string, TidySection>;
}

// A placeholder is a control character that no request value may contain (the request schema
// rejects them), the index in private-use characters, and an end mark.
const VALUE = '\u0004';
const BLOCK = '\u0006';
const END = '\u0005';
const DIGITS = 0xf8ff - 0xe000 + 1;
const PLACEHOLDER = /([\u0004\u0006])([\ue000-\uf8ff]+)\u0005/g;
const STARTS = /[\u0004\u0006]/g;
const SECTION_MARKER = /[\u0001-\u0003]/;

/** Placeholders of the writer's values by index, each made once. */
const VALUE_PLACEHOLDERS: string[] = [];
const valuePlaceholder = (index: number) => (VALUE_PLACEHOLDERS[index] ??= placeholder(VALUE, index));

function placeholder(kind: string, index: number): string {
  let digits = '';
  do {
    digits = String.fromCharCode(0xe000 + (index % DIGITS)) + digits;
    index = Math.floor(index / DIGITS);
  } while (index > 0);
  return `${kind}${digits}${END}`;
}

function indexOf(digits: string): number {
  let index = 0;
  for (let i = 0; i < digits.length; i++) index = index * DIGITS + (digits.charCodeAt(i) - 0xe000);
  return index;
}

/** Splits rendered text at its placeholders; null if the pack's own text held a stray one. */
function partsOf(text: string, blocks: readonly Block[]): Piece['parts'] | null {
  const parts: Piece['parts'] = [];
  let last = 0;
  let found = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    found++;
    if (m.index > last) parts.push(text.slice(last, m.index));
    const index = indexOf(m[2] as string);
    if (m[1] === VALUE) parts.push(index);
    else {
      const block = blocks[index];
      if (!block) return null;
      parts.push(block);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (text.match(STARTS)?.length ?? 0) === found ? parts : null;
}

function addPiece(shape: Shape, text: string, events: Piece['events']): Piece | null {
  const parts = partsOf(text, shape.blocks);
  if (!parts) return null;
  const piece: Piece = { id: shape.pieces.length, parts, events, marked: SECTION_MARKER.test(text) };
  shape.pieces.push(piece);
  return piece;
}

function renderShape(pack: Pack, prepared: PreparedLetter): Shape | null {
  const base = letterState(pack, prepared, []);
  const top: Piece = { id: 0, parts: [], events: [], marked: false };
  const shape: Shape = { top, blocks: [], pieces: [], events: top.events, plan: null, sections: new Map() };
  const state: RenderState = {
    ...base,
    // A fact's wording depends on the seed, as a {{#variants}} block's phrasing does: it is
    // left as a block, filled per letter with the wording render() would state.
    cite(id) {
      base.cite(id);
      shape.events.push(id);
      const wordings = prepared.factWordings(pack.facts.get(id) as PackFact);
      const block: Block = {
        index: shape.blocks.length,
        name: factPickName(id),
        eligible: wordings.map((_, i) => i),
        renderPick: (pick) => wordings[pick] as string,
        phrasings: new Map(),
      };
      shape.blocks.push(block);
      shape.events.push(block);
      return placeholder(BLOCK, block.index);
    },
    deferVariants(name, eligible, renderPick) {
      const block: Block = { index: shape.blocks.length, name, eligible, renderPick, phrasings: new Map() };
      shape.blocks.push(block);
      shape.events.push(block);
      return placeholder(BLOCK, block.index);
    },
  };
  let text: string;
  try {
    text = runTemplate(pack, prepared, state);
  } catch {
    return null;
  }
  const piece = addPiece(shape, text, top.events);
  if (!piece) return null;
  shape.top = piece;
  // Sections split at the markers the template itself prints, its blocks still unfilled. As long
  // as no phrasing holds a marker (Piece.marked), that is how the whole letter splits too.
  const plan: PlannedSection[] = [];
  for (const section of splitSections(text, (t) => t)) {
    const parts = partsOf(section.text, shape.blocks);
    if (!parts) return shape;
    plan.push({ role: section.role, parts, tidied: new Map() });
  }
  shape.plan = plan;
  return shape;
}

function phrasing(shape: Shape, block: Block, pick: number): Piece | null {
  let piece = block.phrasings.get(pick);
  if (piece === undefined) {
    const events: Piece['events'] = [];
    shape.events = events;
    try {
      piece = addPiece(shape, block.renderPick(pick), events);
    } catch {
      piece = null;
    }
    block.phrasings.set(pick, piece);
  }
  return piece;
}

/** A letter's phrasing for each block (by Block.index), and whether any holds a section marker. */
interface Choice {
  pieces: (Piece | undefined)[];
  marked: boolean;
}

/** Picks each block's phrasing for this seed and lists the facts cited, as render() would. */
function choose(shape: Shape, piece: Piece, seed: number, cited: string[], choice: Choice): boolean {
  for (const event of piece.events) {
    if (typeof event === 'string') {
      if (!cited.includes(event)) cited.push(event);
      continue;
    }
    const picked = phrasing(shape, event, chosenVariant(seed, event.name, event.eligible));
    if (!picked) return false;
    choice.pieces[event.index] = picked;
    if (picked.marked) choice.marked = true;
    if (!choose(shape, picked, seed, cited, choice)) return false;
  }
  return true;
}

/** The text of parts with each block filled by its chosen phrasing and each value by `values`. */
function join(parts: Piece['parts'], choice: Choice, values: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (typeof part === 'number') out += values[part];
    else out += join((choice.pieces[part.index] as Piece).parts, choice, values);
  }
  return out;
}

/** The ids of the phrasings that fill the blocks in parts, nested ones included. */
function fillKey(parts: Piece['parts'], choice: Choice): string {
  let key = '';
  for (const part of parts) {
    if (typeof part !== 'object') continue;
    const piece = choice.pieces[part.index] as Piece;
    key += `${piece.id},${fillKey(piece.parts, choice)}`;
  }
  return key;
}

function tidySection(raw: { role?: SectionRole; text: string }): TidySection | null {
  const text = tidy(raw.text);
  const parts = text ? partsOf(text, []) : [];
  if (!parts) return null;
  return { role: raw.role, parts: parts as (string | number)[], spans: parts.map((p) => (typeof p === 'string' ? wordSpan(p) : (p as number))) };
}

/**
 * The letter's sections as render() splits and tidies them, each made once per shape and set of
 * phrasings. Tidying a section with placeholders and then putting the values in gives what
 * tidying it with the values gives, as long as no value starts or ends with a space or holds a
 * line break other than a story's blank line between paragraphs (the request schema sees to
 * that; UNSAFE_VALUE checks).
 */
function sectionsOf(shape: Shape, choice: Choice): TidySection[] | null {
  const out: TidySection[] = [];
  // A section that tidies to nothing is dropped, as splitSections drops it.
  const keep = (section: TidySection) => {
    if (section.parts.length > 0) out.push(section);
  };
  if (shape.plan && !choice.marked) {
    for (const planned of shape.plan) {
      const key = fillKey(planned.parts, choice);
      let section = planned.tidied.get(key);
      if (!section) {
        const made = tidySection({ role: planned.role, text: join(planned.parts, choice, VALUE_PLACEHOLDERS) });
        if (!made) return null;
        planned.tidied.set(key, (section = made));
      }
      keep(section);
    }
    return out;
  }
  for (const raw of splitSections(join(shape.top.parts, choice, VALUE_PLACEHOLDERS), (text) => text)) {
    const key = `${raw.role ?? ''}\u0000${raw.text}`;
    let section = shape.sections.get(key);
    if (!section) {
      const made = tidySection(raw);
      if (!made) return null;
      shape.sections.set(key, (section = made));
    }
    keep(section);
  }
  return out;
}

/** See sectionsOf: what a value may hold for tidying to commute with putting it in. */
const UNSAFE_VALUE = /^\s|\s$|[\r\t\u2028\u2029]|[^\n]\n[^\n]|\s\n\n|\n\n\s/;

/**
 * What sets a letter's view apart once the writer's values are placeholders. The rest of the view
 * (the official's role and powers, the region, the stance's wording) follows from the ids; a test
 * holds this to that.
 */
export function shapeKey({ template, region, recipient, stance, view }: PreparedLetter): string {
  const { sender: s, recipient: r } = view;
  // Joined with characters none of these holds (ids, a date, placeholders), lists with their length.
  const list = (items: readonly string[]) => `${items.length}\u0001${items.join('\u0001')}`;
  return [template.meta.id, region.id, recipient.id, stance.id, view.date, list(view.facts), view.format, s.name, s.city, list(s.address), s.postcode, list(s.lines), s.email, r.name, r.surname, r.title, r.salutation, list(r.address), view.story, view.storyAsks].join('\u0000');
}

/** Bounded: a shape's key holds the date and facts, which a sheet could vary row by row. */
const shapes = memo<Pack, Shape | null>(256);
const substitutable = memo<Pack, boolean>();

/**
 * Whether the pack's own text holds a placeholder character, which would be taken for a
 * placeholder. JSON writes control characters as \u00XX escapes, so those are what to look for
 * (a pack that writes such an escape out in full is also turned away, harmlessly).
 */
const strayPlaceholders = (pack: Pack) =>
  /\\u000[4-6]/.test(
    JSON.stringify([pack.regions, pack.stances, pack.spellings, [...pack.facts.values()], pack.templates.map((t) => t.source), [...pack.partials.values()].map((p) => p.source)]),
  );

const canSubstitute = (pack: Pack, template: LetterTemplate) =>
  substitutable(pack, '', () => !strayPlaceholders(pack)) &&
  (template.substitutable ?? substitutable(pack, template.meta.id, () => isSubstitutable(pack, template)));

const BREAK = wordSpan('\n\n');

export function renderMemoised(pack: Pack, request: LetterRequest): Letter {
  if (request.maxChars !== undefined || bodyFormatOf(request.format) === 'html') return render(pack, request);
  const values: string[] = [];
  const prepared = prepareLetter(pack, request, NO_TRIM, (s) => (s === '' ? '' : valuePlaceholder(values.push(s) - 1)));
  if (!canSubstitute(pack, prepared.template) || values.some((v) => UNSAFE_VALUE.test(v))) return render(pack, request);
  const shape = shapes(pack, shapeKey(prepared), () => renderShape(pack, prepared));
  const cited: string[] = [];
  const choice: Choice = { pieces: [], marked: false };
  if (!shape || !choose(shape, shape.top, seedState(prepared.seed), cited, choice)) return render(pack, request);
  const tidied = sectionsOf(shape, choice);
  if (!tidied) return render(pack, request);

  const valueSpans: (WordSpan | undefined)[] = [];
  const words = new WordTally();
  const sections: LetterSection[] = [];
  let body = '';
  for (const section of tidied) {
    let text = '';
    for (let i = 0; i < section.parts.length; i++) {
      const part = section.parts[i] as string | number;
      text += typeof part === 'string' ? part : values[part];
      const span = section.spans[i] as WordSpan | number;
      words.add(typeof span === 'number' ? (valueSpans[span] ??= wordSpan(values[span] as string)) : span);
    }
    // Sections are joined with a blank line: their words never run together.
    words.add(BREAK);
    sections.push(section.role ? { role: section.role, text } : { text });
    body = body ? `${body}\n\n${text}` : text;
  }
  // Markdown's word count is of the text without its escapes, which letterFrom works out.
  const wordCount = prepared.bodyFormat === 'text' ? spanWords(words) : undefined;
  return letterFrom(pack, prepared, sections, cited, { body, wordCount, shownCited: shownCited(pack, prepared, tidied, cited, body) });
}

/**
 * The cited facts the letter states (see letterFrom): a fact whose wording stands in the pack's
 * own text of a section is there whatever the writer's values are, and that is remembered per
 * section; only a fact found in none is looked for in the whole letter (for text letters only:
 * the other formats' bodies are not plain text).
 */
function shownCited(pack: Pack, prepared: PreparedLetter, tidied: readonly TidySection[], cited: readonly string[], body: string): string[] | undefined {
  if (prepared.bodyFormat !== 'text') return undefined;
  return cited.filter((id) => {
    const wordings = prepared.factWordings(pack.facts.get(id) as PackFact);
    for (const section of tidied) {
      section.holdsFact ??= new Map();
      let holds = section.holdsFact.get(id);
      if (holds === undefined) section.holdsFact.set(id, (holds = section.parts.some((p) => typeof p === 'string' && wordings.some((w) => p.includes(w)))));
      if (holds) return true;
    }
    return wordings.some((w) => body.includes(w));
  });
}
