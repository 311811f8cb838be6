import { Converter } from 'opencc-js/t2cn';

/**
 * A simplified-character "shadow" of a line, character for character, so that
 * the patterns of the importer (来源, 记者, 讲话 …) also match Traditional text
 * (來源, 記者, 講話) while every value is still cut from the text as written:
 * the shadow has the same length, so an index found in it is an index in the original.
 * Traditional text is never converted in the output.
 */
const toSimplified = Converter({ from: 't', to: 'cn' });
const cache = new Map<string, string>();

function simplifyChar(char: string): string {
  let simple = cache.get(char);
  if (simple === undefined) {
    const converted = char.charCodeAt(0) < 0x2e80 ? char : toSimplified(char);
    // A conversion that changes the length would break the index mapping; keep such characters.
    simple = converted.length === char.length ? converted : char;
    cache.set(char, simple);
  }
  return simple;
}

/** The line in simplified characters, with exactly the same length (in UTF-16 units). */
export function shadow(text: string): string {
  let out = '';
  for (const char of text) out += simplifyChar(char);
  return out;
}

/** Whether a text changes under simplification, i.e. holds Traditional characters. */
export function hasTraditional(text: string): boolean {
  return shadow(text) !== text;
}
