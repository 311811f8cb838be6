import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema, lectureSchema, speechSchema, writeupSchema } from './schemas/index.ts';
import { contentDir } from './archive/content-dir.ts';

const base = contentDir();

/** `xinyang-2024/speeches/kaiban.md` → `xinyang-2024/kaiban`: the course and the file name. */
const documentId = ({ entry }: { entry: string }) => entry.replace(/\/[^/]+\/([^/]+)\.mdx?$/, '/$1');

export const collections = {
  courses: defineCollection({
    loader: glob({ base, pattern: '*/course.md', generateId: ({ entry }) => entry.split('/')[0] }),
    schema: courseSchema,
  }),
  speeches: defineCollection({
    loader: glob({ base, pattern: '*/speeches/*.{md,mdx}', generateId: documentId }),
    schema: speechSchema,
  }),
  lectures: defineCollection({
    loader: glob({ base, pattern: '*/lectures/*.{md,mdx}', generateId: documentId }),
    schema: lectureSchema,
  }),
  writeups: defineCollection({
    loader: glob({ base, pattern: '*/writeups/*.{md,mdx}', generateId: documentId }),
    schema: writeupSchema,
  }),
};
