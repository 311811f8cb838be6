#!/usr/bin/env node
/**
 * The `lectern` command: check and build an archive without knowing Astro.
 * Exit status: 0 done, 1 problems in the content or a failed build, 2 usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../archive/content-dir.ts';
import { reportArchive } from './check.ts';
import { buildArchive } from './build.ts';
import { recordArchivePermalinks } from './permalinks.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const usage = `Usage: lectern <command> [options]

Commands:
  check            report every problem in the archive, as path:line: field: message
  build            check, then build the site into dist/ (replaced only on success)
  permalinks       record the address of every published document in permalinks.json

Options:
  --content DIR    the content folder (default: $LECTERN_CONTENT or ./content)
  --out DIR        the output folder of build (default: $LECTERN_OUT or ./dist)
  -h, --help       show this help
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const content = values.content ? path.resolve(values.content) : contentDir();
  switch (command) {
    case 'check':
      if (rest.length > 0) break;
      return reportArchive(content).ok ? 0 : 1;
    case 'build': {
      if (rest.length > 0) break;
      const outDir = path.resolve(values.out ?? process.env.LECTERN_OUT ?? path.join(projectRoot, 'dist'));
      return (await buildArchive({ root: projectRoot, content, outDir })) ? 0 : 1;
    }
    case 'permalinks':
      if (rest.length > 0) break;
      return recordArchivePermalinks(content) ? 0 : 1;
  }
  process.stderr.write(`${command ? `Unknown command or argument: ${[command, ...rest].join(' ')}\n\n` : ''}${usage}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
