/**
 * `LECTERN_COURSE`: build part of an archive as a site of its own, so a large archive can
 * be built as parallel jobs whose search indexes are merged in the browser
 * (docs/scaling.md). The value is a course id (`xinyang-2024`), several separated by
 * commas, or patterns where `*` stands for any characters (`*-2019-*`: the courses of a
 * year, when ids carry it). Only the matching course folders are read and checked, with
 * site.yaml and people.yaml; every page, list and feed then shows those courses alone.
 */
export function selectedCourse(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const course = env.LECTERN_COURSE?.trim();
  return course ? course : undefined;
}

/** Whether the course folder `id` is part of the selection `selection` (a value of LECTERN_COURSE). */
export function courseSelected(selection: string | undefined, id: string): boolean {
  if (selection === undefined) return true;
  return selection
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .some((part) => new RegExp(`^${part.split('*').map(escapeRegExp).join('.*')}$`).test(id));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
