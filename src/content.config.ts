import { defineCollection } from 'astro:content';
import { courseSchema, lectureSchema, speechSchema, writeupSchema } from './schemas/index.ts';
import { contentDir } from './archive/content-dir.ts';
import { archiveLoader } from './loaders/archive-loader.ts';

const base = contentDir();

// Document ids are `<course>/<file-name>` (`xinyang-2024/kaiban`); course ids are the folder name.
export const collections = {
  courses: defineCollection({ loader: archiveLoader(base, 'courses'), schema: courseSchema }),
  speeches: defineCollection({ loader: archiveLoader(base, 'speech'), schema: speechSchema }),
  lectures: defineCollection({ loader: archiveLoader(base, 'lecture'), schema: lectureSchema }),
  writeups: defineCollection({ loader: archiveLoader(base, 'writeup'), schema: writeupSchema }),
};
