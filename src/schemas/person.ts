import { z } from 'zod';
import { partialDateSchema } from './partial-date.ts';
import { expect } from './expect.ts';

const text = () => z.string(expect('text')).trim().min(1, expect('text'));

/**
 * A person named in a document or an agenda: a bare name (looked up in
 * `people.yaml`), or the name with the position held at the time.
 * @example speaker: 吴文毅
 * @example speaker: { name: 吴文毅, position: 省人大常委会副秘书长、办公厅主任 }
 */
export const personRefSchema = z.union(
  [
    text(),
    z.strictObject({ name: text(), position: text().optional() }, expect('person')),
  ],
  expect('person'),
);

/** One person or several; a single name is accepted where a list is expected. */
export const personListSchema = z.preprocess(
  (value) => (typeof value === 'string' || isPlainObject(value) ? [value] : value),
  z.array(personRefSchema, expect('personList')),
);

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A position held, with the years or dates it was held when known. */
export const positionSchema = z.union([
  text(),
  z.strictObject({
    title: text(),
    from: partialDateSchema.optional(),
    to: partialDateSchema.optional(),
  }),
]);

/**
 * An entry of `people.yaml`: a speaker, lecturer or author.
 * @example
 * - id: wu-wenyi
 *   name: 吴文毅
 *   positions: [省人大常委会副秘书长、办公厅主任]
 */
export const personSchema = z.strictObject({
  /** ASCII id used in `/people/<id>/`; proposed from the name's pinyin when absent. */
  id: z.string(expect('id')).regex(/^[a-z0-9][a-z0-9-]*$/, expect('id')).optional(),
  name: text(),
  /** Positions held, most recent first. */
  positions: z.array(positionSchema).optional(),
  /** A short introduction shown on the person's page. */
  bio: text().optional(),
});

export const peopleFileSchema = z.array(personSchema, expect('mapping'));

export type PersonRef = z.output<typeof personRefSchema>;
export type Person = z.output<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;
