import type { z } from 'zod';
import { parseLocatedYaml, splitFrontmatter } from './frontmatter.ts';
import { issuesToProblems, problemMessage, type Problem } from './problems.ts';

export interface Validated<T> {
  data: T | undefined;
  problems: Problem[];
}

/**
 * Validates the front matter of one Markdown text with `schema`, giving problems
 * with the file's own line numbers. For a single file (an import, an editor
 * plugin, a test); `readArchive` does the same for a whole folder.
 */
export function validateMarkdown<T>(schema: z.ZodType<T>, text: string, file: string): Validated<T> {
  const split = splitFrontmatter(text);
  if (split.yaml === undefined) return { data: undefined, problems: [{ file, line: 1, message: problemMessage('noFrontmatter') }] };
  return validateYaml(schema, split.yaml, file, split.yamlLine);
}

/** Validates YAML text whose first line is line `firstLine` of `file`. */
export function validateYaml<T>(schema: z.ZodType<T>, source: string, file: string, firstLine = 1): Validated<T> {
  const yaml = parseLocatedYaml(source);
  if (yaml.error) {
    return {
      data: undefined,
      problems: [{ file, line: yaml.error.line + firstLine - 1, message: problemMessage('yaml', { reason: yaml.error.reason }) }],
    };
  }
  const result = schema.safeParse(yaml.value ?? {});
  if (result.success) return { data: result.data, problems: [] };
  return { data: undefined, problems: issuesToProblems(result.error.issues, { file, yaml, firstLine }) };
}
