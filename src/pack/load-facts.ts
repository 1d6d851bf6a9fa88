/**
 * A pack's facts and sources (facts.yaml): merged by id across layers, or replaced outright by a
 * layer that says `replace: true`, each fact's sources checked against the sources list.
 */
import { closest } from '../closest.js';
import type { RawLayer, TextFile } from './files.js';
import { at, isObj, zodIssuesAt } from './layers.js';
import { repeatedIdProblems, urlProblems, yamlTextProblems } from './pack-text.js';
import { factsFileSchema, type Source } from './schema.js';
import type { PackFact } from './types.js';
import { parseYaml, type YamlPath } from './yaml-file.js';

/**
 * The pack's facts and sources; `factsOk` is false when a facts file is broken, so that every
 * reference to a fact is not reported again on top.
 */
export function readFacts(layers: RawLayer[], problems: string[]): { facts: Map<string, PackFact>; sources: Map<string, Source>; factsOk: boolean } {
  const facts = new Map<string, PackFact>();
  const sources = new Map<string, Source>();
  const factAt = new Map<string, string>();
  const textWithAt = new Map<string, string>();
  // When a facts file itself is broken, every reference to it would also fail: say it once.
  let factsOk = true;
  for (const layer of layers) {
    if (!layer.facts) continue;
    const yaml = parseYaml(layer.facts);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      factsOk = false;
      continue;
    }
    const where = (path: YamlPath, key?: boolean) => at({ file: (layer.facts as TextFile).path, ...yaml }, path, key);
    const factsProblems = factsFileProblems(layer.facts, yaml.value, where);
    if (factsProblems.length > 0) {
      problems.push(...factsProblems);
      factsOk = false;
      continue;
    }
    const raw = isObj(yaml.value) ? { ...yaml.value } : yaml.value;
    const replace = isObj(raw) && raw.replace === true;
    if (isObj(raw)) delete raw.replace;
    const result = factsFileSchema.safeParse(raw ?? {});
    if (!result.success) {
      problems.push(...zodIssuesAt(result.error, where));
      factsOk = false;
      continue;
    }
    if (replace) {
      facts.clear();
      sources.clear();
    }
    for (const s of result.data.sources) sources.set(s.id, s);
    result.data.facts.forEach((f, i) => {
      facts.set(f.id, { ...f, origin: layer.origin });
      factAt.set(f.id, where(['facts', i, 'sources']));
      if (Object.keys(f.textWith).length > 0) textWithAt.set(f.id, where(['facts', i, 'textWith']));
    });
  }
  for (const fact of facts.values()) {
    for (const otherId of Object.keys(fact.textWith)) {
      if (facts.has(otherId) && otherId !== fact.id) continue;
      const near = closest(
        otherId,
        [...facts.keys()].filter((id) => id !== fact.id),
      );
      problems.push(
        otherId === fact.id
          ? `${textWithAt.get(fact.id)}: fact "${fact.id}" has textWith "${otherId}", its own id: name another fact, whose presence in a letter changes this one's wording`
          : `${textWithAt.get(fact.id)}: fact "${fact.id}" has textWith "${otherId}", which is not a fact in the facts list${near ? ` (did you mean "${near}"?)` : ''}`,
      );
    }
    for (const sourceId of fact.sources) {
      if (!sources.has(sourceId)) {
        const near = closest(sourceId, sources.keys());
        problems.push(
          `${factAt.get(fact.id)}: fact "${fact.id}" cites source "${sourceId}", which is not in the sources list${near ? ` (did you mean "${near}"?)` : ''}`,
        );
      }
    }
  }

  return { facts, sources, factsOk };
}

/** What the facts file's schema cannot say: ids used twice, addresses that are not web pages, control characters. */
function factsFileProblems(file: TextFile, value: unknown, where: (path: YamlPath) => string): string[] {
  const lists = isObj(value) ? value : {};
  return [
    ...repeatedIdProblems(lists.facts, 'fact', where, ['facts']),
    ...repeatedIdProblems(lists.sources, 'source', where, ['sources']),
    ...urlProblems(value, where),
    ...yamlTextProblems(file, value, where),
  ];
}
