/**
 * `LECTERN_COURSE=<id>`: build one course as a site of its own, so a large archive can be
 * built as parallel jobs, one per course, whose search indexes are merged in the browser
 * (docs/scaling.md). Only that course's folder is read and checked, with site.yaml and
 * people.yaml; every page, list and feed then shows that course alone.
 */
export function selectedCourse(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const course = env.LECTERN_COURSE?.trim();
  return course ? course : undefined;
}
