import { cliMessages, type MessageLocale } from '../i18n/messages.ts';
import { fill } from '../i18n/ui.ts';
import type { ImportWarning } from './types.ts';

/** A warning in the editor's words (LECTERN_LANG picks the language). */
export function warningMessage(warning: ImportWarning, locale?: MessageLocale): string {
  const template = cliMessages(locale).warnings[warning.code];
  return fill(template, { text: warning.text ?? '', ...warning.params });
}

/** A warning as `--json` prints it: the code for programs, the message for people. */
export function warningToJson(warning: ImportWarning, locale?: MessageLocale): Record<string, unknown> {
  return {
    code: warning.code,
    ...(warning.line === undefined ? {} : { line: warning.line }),
    ...(warning.text === undefined ? {} : { text: warning.text }),
    message: warningMessage(warning, locale),
  };
}
