/**
 * The expectation keys schemas attach to their fields.
 *
 * A schema never writes prose: it names what it expected (`lectern:partialDate`),
 * and `src/archive/problems.ts` turns that plus the value found into a message in
 * the editor's language (`src/i18n/messages.ts`). So the CLI, the build and the
 * tests print the same words, and a translation touches one file.
 */
export const EXPECT_PREFIX = 'lectern:';

export const expectations = [
  'text',
  'partialDate',
  'person',
  'personList',
  'textList',
  'url',
  'positiveInteger',
  'boolean',
  'mapping',
  'sessionKind',
  'period',
  'id',
  'file',
  'host',
  'unknownField',
] as const;

export type Expectation = (typeof expectations)[number];

/** The zod `error` option for a field expecting `what`. */
export function expect(what: Expectation): { error: string } {
  return { error: EXPECT_PREFIX + what };
}
