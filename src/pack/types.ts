/**
 * What a loaded template pack is: its manifest's regions and stances, its facts and sources, its
 * parsed templates and partials. Types only, so the renderer can use them without the loader.
 */
import type Handlebars from 'handlebars';
import type { Fact, FrontMatter, Manifest, Region, Source, Stance } from './schema.js';
import type { Words } from './words.js';

/** A compiled template: the view in, the text out. */
export type TemplateFn = (context: unknown, options?: Record<string, unknown>) => string;

export interface ParsedTemplate {
  name: string;
  file: string;
  origin: string;
  source: string;
  ast: hbs.AST.Program;
}

export interface LetterTemplate extends ParsedTemplate {
  meta: FrontMatter;
}

export interface PackFact extends Fact {
  origin: string;
}

export interface Pack {
  name: string;
  language: string;
  countSource?: string;
  /** The words the engine adds around the templates' text, defaults filled in. */
  words: Words;
  spellings: Manifest['spellings'];
  regions: Region[];
  stances: Stance[];
  facts: Map<string, PackFact>;
  sources: Map<string, Source>;
  /** In order of preference: a user's templates before the built-in ones. */
  templates: LetterTemplate[];
  partials: Map<string, ParsedTemplate>;
  /** This pack's own Handlebars instance; never the global one. */
  handlebars: typeof Handlebars;
  layers: { origin: string; dir: string }[];
  /** Template functions made at build time (the built-in pack), so no compiler loads at run time. */
  precompiled?: PrecompiledPack;
}

export interface PrecompiledPack {
  /** By mode key ("text|gb", "html|us", ...): letter templates by id, partials by name. */
  modes: Record<string, { templates: Record<string, TemplateFn>; partials: Record<string, TemplateFn> }>;
  /** Manifest salutation and address templates, by source text. */
  small: Record<string, TemplateFn>;
}

export interface LoadPackOptions {
  /** A user's pack folder to layer over the built-in pack. */
  templatesDir?: string;
  /** The built-in pack folder to start from: templates/ (English) unless a language's pack is chosen. */
  baseDir?: string;
}
