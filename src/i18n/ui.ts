import { zhCN, type UiKey } from './zh-CN.ts';

export type { UiKey };

/** Placeholder values for a UI string: `{count}` takes `{ count: 3 }`. */
export type UiParams = Record<string, string | number>;

/**
 * The UI string for `key` with its `{placeholders}` filled in.
 * A placeholder without a value is left visible, so a missing argument shows up
 * on the page instead of disappearing silently.
 */
export function t(key: UiKey, params: UiParams = {}): string {
  return fill(zhCN[key], params);
}

export function fill(template: string, params: UiParams): string {
  // Most strings are labels without placeholders, and a page asks for hundreds of them.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The language of the generated site, for `<html lang>` (Pagefind segments by it). */
export const siteLang = 'zh-CN';
