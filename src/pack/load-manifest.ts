/**
 * A pack's manifest (pack.yaml): merged by id across layers, validated once, and its own
 * references checked (facts it cites, ids defined twice, a pack with no regions or stances).
 */
import { closest } from '../closest.js';
import type { RawLayer } from './files.js';
import { at, isObj, locateMerged, mergeManifests, zodIssuesAt, type Obj, type ParsedLayerYaml } from './layers.js';
import { checkNameTemplates } from './parse-template.js';
import { repeatedIdProblems, yamlTextProblems } from './pack-text.js';
import { manifestSchema, type Manifest } from './schema.js';
import type { PackFact } from './types.js';
import { ENGLISH_WORDS, packWords, type Words } from './words.js';
import { parseYaml, type YamlPath } from './yaml-file.js';

/** Where a path of the merged manifest was written, as "file:line:col". */
export type ManifestAt = (path: YamlPath, key?: boolean) => string;

/** The merged manifest, or undefined when it is broken (its problems pushed onto `problems`). */
export function readManifest(layers: RawLayer[], problems: string[]): { manifest: Manifest | undefined; manifestAt: ManifestAt; words: Words } {
  let manifestRaw: Obj = {};
  const manifestLayers: ParsedLayerYaml[] = [];
  for (const layer of layers) {
    if (!layer.manifest) continue;
    const yaml = parseYaml(layer.manifest);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      continue;
    }
    if (!isObj(yaml.value)) {
      problems.push(`${layer.manifest.path}:1:1: must be a YAML mapping with name, regions and stances`);
      continue;
    }
    const parsed = { file: layer.manifest.path, text: layer.manifest.text, value: yaml.value, locate: yaml.locate, locateKey: yaml.locateKey };
    manifestLayers.push(parsed);
    problems.push(...yamlTextProblems(layer.manifest, yaml.value, (path) => at(parsed, path)));
    const manifestWhere = (path: YamlPath) => at(parsed, path);
    problems.push(
      ...repeatedIdProblems(yaml.value.regions, 'region', manifestWhere, ['regions']),
      ...repeatedIdProblems(yaml.value.stances, 'stance', manifestWhere, ['stances']),
    );
    checkNameTemplates(parsed, problems);
    manifestRaw = mergeManifests(manifestRaw, yaml.value);
  }
  const manifestAt = (path: YamlPath, key?: boolean) => locateMerged(manifestRaw, manifestLayers, path, key);
  const manifestResult = manifestSchema.safeParse(manifestRaw);
  if (!manifestResult.success) problems.push(...zodIssuesAt(manifestResult.error, manifestAt));
  const manifest = manifestResult.success ? manifestResult.data : undefined;
  const words = manifest ? packWords(manifest, manifestAt, problems) : ENGLISH_WORDS;
  return { manifest, manifestAt, words };
}

/** The manifest's own references: facts it cites (when the facts file is sound), ids defined twice, lists left empty. */
export function manifestProblems(manifest: Manifest, facts: ReadonlyMap<string, PackFact>, factsOk: boolean, manifestAt: ManifestAt): string[] {
  const problems: string[] = [];
  if (factsOk) {
    manifest.stances.forEach((stance, i) =>
      stance.facts.forEach((id, j) => {
        if (!facts.has(id)) problems.push(`${manifestAt(['stances', i, 'facts', j])}: stances[${i}].facts[${j}]: ${unknownFact(id, facts)}`);
      }),
    );
    manifest.regions.forEach((region, i) =>
      region.facts.forEach((id, j) => {
        if (!facts.has(id)) problems.push(`${manifestAt(['regions', i, 'facts', j])}: regions[${i}].facts[${j}]: unknown fact "${id}"`);
      }),
    );
    manifest.regions.forEach((region, i) =>
      region.recipients.forEach((r, j) => {
        if (r.basis && !facts.has(r.basis)) {
          problems.push(`${manifestAt(['regions', i, 'recipients', j, 'basis'])}: regions[${i}].recipients[${j}].basis: ${unknownFact(r.basis, facts)}`);
        }
      }),
    );
  }
  {
    const dupes = (list: { id: string }[], what: string, path: YamlPath) => {
      const seen = new Set<string>();
      list.forEach(({ id }, i) => {
        if (seen.has(id)) problems.push(`${manifestAt([...path, i])}: ${what} "${id}" is defined twice`);
        seen.add(id);
      });
    };
    dupes(manifest.regions, 'region', ['regions']);
    dupes(manifest.stances, 'stance', ['stances']);
    manifest.regions.forEach((r, i) => dupes(r.recipients, `recipient in region ${r.id}:`, ['regions', i, 'recipients']));
    if (manifest.regions.length === 0) problems.push(`${manifestAt(['regions'])}: regions: the pack defines no regions`);
    if (manifest.stances.length === 0) problems.push(`${manifestAt(['stances'])}: stances: the pack defines no stances`);
  }

  return problems;
}

/** A fact id the manifest cites that the facts file lacks, with the nearest id there is. */
function unknownFact(id: string, facts: ReadonlyMap<string, unknown>): string {
  const near = closest(id, facts.keys());
  return `unknown fact "${id}"${near ? ` (did you mean "${near}"?)` : ''}`;
}
