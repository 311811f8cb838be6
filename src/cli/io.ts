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
