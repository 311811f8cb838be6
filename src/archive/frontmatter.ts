import { load, YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { limits } from './limits.ts';

/** A Markdown file split into its YAML front matter and its body, with line numbers kept. */
export interface SplitFile {
  /** The YAML between the `---` lines, or `undefined` when the file has none. */
  yaml: string | undefined;
  /** File line (1-based) of the first YAML line. */
  yamlLine: number;
  body: string;
  /** File line (1-based) where the body starts. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function splitFrontmatter(text: string): SplitFile {
  const open = OPEN.exec(text);
  if (!open) return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1 };
  const yaml = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const yamlLines = countLines(yaml);
  return { yaml, yamlLine: 2, body: afterClose, bodyLine: 2 + yamlLines + 1 };
}

/** How Astro finds front matter (`@astrojs/internal-helpers/frontmatter`): the same expression. */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/**
 * The front matter of a Markdown file as Astro's content loader will read it.
 * Astro parses it with js-yaml, which types some values differently from the
 * `yaml` package the check locates lines with: an unquoted `title: 2024-11-26`
 * is a Date there and text here. Validating this value instead means a
 * document the check passes is one the build accepts, and a js-yaml syntax
 * error is reported by the check instead of stopping the build.
 * Call it only on YAML `parseLocatedYaml` accepted: js-yaml sets no alias limit.
 */
export function frontmatterAsAstroReadsIt(text: string): { value: unknown } | { error: { line: number; reason: string } } {
  const raw = ASTRO_FRONTMATTER.exec(text)?.[1];
  if (raw === undefined) return { value: {} };
  try {
    const parsed = load(raw);
    return { value: parsed && typeof parsed === 'object' ? parsed : {} };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // `raw` starts on the line of the opening `---`, file line 1.
    return { error: { line: (error.mark?.line ?? 0) + 1, reason: error.reason } };
  }
}

function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Parsed YAML that can say on which line any value of it sits. */
export interface LocatedYaml {
  value: unknown;
  /**
   * Set when the YAML could not be read; `line` is in the YAML's own numbering.
   * `kind` tells a syntax error from a file refused for its aliases or its depth.
   */
  error?: { line: number; reason: string; kind: 'syntax' | 'aliases' | 'depth' };
  /** The YAML line (1-based) of the value at `path`, or of its closest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The YAML line of the key `key` inside the mapping at `path`. */
  lineOfKey(path: readonly PropertyKey[], key: string): number;
}

/** What the engine says when nesting is deeper than its stack, whether the parser or `toJS` hits it. */
const TOO_DEEP = /Maximum call stack size exceeded/;

export function parseLocatedYaml(source: string): LocatedYaml {
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml's warnings would reach the editor as Node process warnings.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOfNode = (node: Node | null | undefined) => (node?.range ? lineAt(node.range[0]) : 1);

  const located: LocatedYaml = {
    value: undefined,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = nodeAt(doc, path.slice(0, depth));
        if (node) return lineOfNode(node);
      }
      return 1;
    },
    lineOfKey(path, key) {
      const map = nodeAt(doc, path);
      if (isMap(map)) {
        const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key)) return lineOfNode(pair.key);
      }
      return located.lineOf(path);
    },
  };

  const first = doc.errors[0];
  if (first) {
    const reason = firstLine(first.message);
    // Without prettyErrors yaml sets no linePos: the line comes from the error's offset, and
    // an error found at the end (a bracket never closed) is put on the last line that has text.
    const at = Math.min(first.pos[0], source.trimEnd().length);
    located.error = { line: first.linePos?.[0].line ?? lineAt(at), reason, kind: TOO_DEEP.test(reason) ? 'depth' : 'syntax' };
    return located;
  }
  try {
    located.value = doc.toJS({ maxAliasCount: limits.yamlAliases });
  } catch (error) {
    // yaml throws a ReferenceError for a "billion laughs" file.
    const kind = TOO_DEEP.test(String(error)) ? 'depth' : /alias/i.test(String(error)) ? 'aliases' : 'syntax';
    located.error = { line: 1, reason: firstLine(error instanceof Error ? error.message : String(error)), kind };
  }
  return located;
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      node = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      return undefined;
    }
    if (node === undefined || node === null) return undefined;
  }
  return node as Node;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
