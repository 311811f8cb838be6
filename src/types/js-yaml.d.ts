/**
 * The part of js-yaml 4 that `src/archive/frontmatter.ts` uses (the package ships
 * no types, and @types/js-yaml is one more download for two functions).
 */
declare module 'js-yaml' {
  export function load(source: string, options?: { filename?: string; json?: boolean }): unknown;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
}
