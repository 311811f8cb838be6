/** Where a command writes and from where it resolves paths; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  /** Whether stderr is a terminal (progress bars only go to terminals). */
  isTTY?: boolean;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), isTTY: process.stderr.isTTY === true };
}

/**
 * Runs a command's argument parser with the plumbing every command shares: a
 * parse error prints the message and the help (exit 2), `--help` prints the help
 * (exit 0). Returns the parsed arguments, or the exit status to stop with.
 */
export function parseOrExit<T extends { values: { help?: boolean } }>(parse: () => T, help: string, io: CliIo): T | number {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(help);
    return 0;
  }
  return parsed;
}
