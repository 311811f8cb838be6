import { z } from 'zod';
import { toPartialDate, type PartialDate } from '../lib/partial-date.ts';
import { EXPECT_PREFIX } from './expect.ts';

/**
 * A date as precise as the source gives it: `2024`, `2024-04` or `2024-11-26`.
 * Accepts the number and `Date` that YAML parsers produce for unquoted dates and
 * always yields the canonical text (`2024-04`).
 * @example date: 2024-11-26
 */
export const partialDateSchema = z
  .unknown()
  .transform((value, ctx): PartialDate => {
    const date = toPartialDate(value);
    if (date === undefined) {
      ctx.addIssue({ code: 'custom', message: `${EXPECT_PREFIX}partialDate`, input: value });
      return z.NEVER;
    }
    return date;
  });
