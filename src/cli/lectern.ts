#!/usr/bin/env node
/**
 * The `lectern` command: check, build, permalinks, import and new, without knowing Astro.
 * Exit status: 0 done, 1 problems in the content, a failed build or a file not
 * imported, 2 usage error.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../archive/content-dir.ts';
import { cliMessages } from '../i18n/messages.ts';
import { fill } from '../i18n/ui.ts';
import { reportArchive } from './check.ts';
import { buildArchive } from './build.ts';
import { recordArchivePermalinks } from './permalinks.ts';
import { parseOrExit, processIo, type CliIo } from './io.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Each command parses its own options; import and new load their modules only when run. */
const commands: Record<string, Command> = {
  check: runCheck,
  build: runBuild,
  permalinks: runPermalinks,
  import: async (argv, io) => (await import('./import.ts')).runImport(argv, io),
  new: async (argv, io) => (await import('./new.ts')).runNew(argv, io),
};

async function main(argv: string[], io: CliIo): Promise<number> {
  const words = cliMessages();
  // The command is the first word that names one, so options may come before it (lectern --content x check).
  const at = argv.findIndex((arg) => arg in commands || arg === 'help');
  if (at === -1) {
    const asksHelp = argv.includes('-h') || argv.includes('--help');
    if (asksHelp) {
      io.stdout.write(words.help.main);
      return 0;
    }
    io.stderr.write(`${argv.length > 0 ? `${fill(words.usage.unknownCommand, { args: argv.join(' ') })}\n\n` : ''}${words.help.main}`);
    return 2;
  }
  const name = argv[at];
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (name === 'help') {
    const topic = rest[0];
    const known = topic !== undefined && topic !== 'main' && topic in words.help;
    io.stdout.write(known ? words.help[topic as keyof typeof words.help] : words.help.main);
    return 0;
  }
  return commands[name](rest, io);
}

async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommon(argv, io, 'check', {});
  if (typeof parsed === 'number') return parsed;
  return reportArchive(parsed.content, io.stdout, { readAhead: true }).ok ? 0 : 1;
}

async function runBuild(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommon(argv, io, 'build', { out: { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const out = parsed.values.out;
  const outDir = path.resolve(io.cwd, typeof out === 'string' ? out : (process.env.LECTERN_OUT ?? path.join(projectRoot, 'dist')));
  return (await buildArchive({ root: projectRoot, content: parsed.content, outDir })) ? 0 : 1;
}

async function runPermalinks(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommon(argv, io, 'permalinks', {});
  if (typeof parsed === 'number') return parsed;
  return recordArchivePermalinks(parsed.content) ? 0 : 1;
}

type ExtraOptions = Record<string, { type: 'string' | 'boolean' }>;

/** `--content` and `--help` for check, build and permalinks; a number is the exit status to stop with. */
function parseCommon(argv: string[], io: CliIo, name: 'check' | 'build' | 'permalinks', extra: ExtraOptions): { content: string; values: Record<string, unknown> } | number {
  const help = cliMessages().help[name];
  const parsed = parseOrExit(
    () => parseArgs({ args: argv, allowPositionals: true, options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...extra } }),
    help,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    io.stderr.write(`${fill(cliMessages().usage.unknownCommand, { args: parsed.positionals.join(' ') })}\n\n${help}`);
    return 2;
  }
  const content = typeof parsed.values.content === 'string' ? path.resolve(io.cwd, parsed.values.content) : contentDir(io.cwd);
  return { content, values: parsed.values };
}

/**
 * Node's on-disk code cache for the modules loaded from here on (Astro, Vite and Rollup are
 * imported when a build starts) and, through the environment, in the build's child process
 * and worker threads: about 0.35 s of compiling in every build. Node never fails a program
 * over it; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
const compileCache = enableCompileCache();
if (compileCache.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;

process.exitCode = await main(process.argv.slice(2), processIo());
