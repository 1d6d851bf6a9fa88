/**
 * The US directory file (data/us-congress.json, or the cached copy `officials update` makes):
 * current members of Congress and the ZIP -> district table, with where and when they came from.
 */
import * as z from 'zod/mini';
import { ZIP_TABLE } from './zip-codec.js';

export const DIRECTORY_FORMAT = 1;

const text = z.string();
const maybe = z.optional(z.string());

export const officeSchema = z.object({ lines: z.array(text), phone: maybe });

export const memberSchema = z.object({
  id: text,
  chamber: z.enum(['senate', 'house']),
  name: text,
  party: maybe,
  state: text,
  /** House only: the district number, 0 for an at-large seat. */
  district: z.optional(z.number()),
  /** Senate only: senior or junior. */
  rank: maybe,
  /** The Washington office, e.g. "511 Hart Senate Office Building". */
  office: maybe,
  /** The last line of the Washington address, e.g. "Washington, DC 20510". */
  city: maybe,
  phone: maybe,
  url: maybe,
  contactForm: maybe,
  offices: z.optional(z.array(officeSchema)),
});

export const sourceSchema = z.object({
  name: text,
  repo: text,
  commit: text,
  date: text,
  files: z.array(text),
  licence: text,
  url: text,
});

export const directorySchema = z.object({
  format: z.literal(DIRECTORY_FORMAT),
  country: z.literal('us'),
  /** The members' as-of date: the legislators source's commit date. */
  asOf: text,
  sources: z.array(sourceSchema),
  members: z.array(memberSchema),
  /** See zip-codec.ts. */
  zips: z.string().check(z.regex(ZIP_TABLE, 'is not a ZIP table')),
});

export type Member = z.infer<typeof memberSchema>;
export type SourceInfo = z.infer<typeof sourceSchema>;
export type UsDirectory = z.infer<typeof directorySchema>;

/** One member a line: the shipped file then diffs member by member when the data is rebuilt. */
export function serialiseDirectory(d: UsDirectory): string {
  const { members, zips, ...head } = d;
  const headText = JSON.stringify(head).slice(0, -1);
  return `${headText},\n"members":[\n${members.map((m) => JSON.stringify(m)).join(',\n')}\n],\n"zips":${JSON.stringify(zips)}}\n`;
}
