/**
 * Front matter parsed ahead of the check on the core it leaves idle. The check reads
 * the archive file by file on one thread, and parsing YAML (twice: with line numbers
 * for its messages, and as the build's loader reads it) is most of its time. A worker
 * thread (read-ahead-worker.ts) lists the same Markdown files and parses them from the
 * last one back, while the check goes forward from the first; where they meet, the
 * check takes the rest from the worker and the worker stops.
 *
 * The check stays synchronous: it picks up what the worker has sent with
 * `receiveMessageOnPort` and never waits for it. A reading is used only for the same
 * file with the same text (its hash); the check parses anything else itself, so the
 * worker can be late, wrong about the order, or dead without changing a result.
 * Its stack is half the main thread's, so that YAML nested too deep for the check is
 * too deep for the worker as well, which then leaves the file to the check.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LocatedYaml } from './frontmatter.ts';

/** What the worker made of one file's front matter. */
export interface AheadReading {
  /** As the check names it: `xinyang-2024/lectures/kaiban.md`. */
  file: string;
  /** `bytesHash` of the file's text. */
  hash: string;
  /** `parseLocatedYaml`'s value or error. */
  yaml: { value: unknown } | { error: NonNullable<LocatedYaml['error']> };
  /** `frontmatterAsAstroReadsIt` of the text, when the YAML had no error. */
  astro?: { value: unknown } | { error: { line: number; reason: string } };
}

export interface ReadAheadData {
  root: string;
  /** `LECTERN_COURSE`'s selection, as the check reads it. */
  course: string | undefined;
  /** The folders of a course that hold documents (`speeches`, …). */
  kindFolders: string[];
  port: MessagePort;
  /** An Int32Array's buffer: set to 1, the worker stops after the file it is on. */
  stop: SharedArrayBuffer;
}

/** Half of V8's default stack on 64-bit machines (984 KB), which the main thread has. */
const WORKER_STACK_MB = 0.5;

export class ReadAhead {
  private readonly readings = new Map<string, AheadReading>();
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly stopFlag: Int32Array;
  /** Settles when the worker has stopped: it read every file, was told to stop, or failed. */
  readonly finished: Promise<void>;

  private constructor(worker: Worker, port: MessagePort, stop: SharedArrayBuffer) {
    this.worker = worker;
    this.port = port;
    this.stopFlag = new Int32Array(stop);
    this.finished = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /** Starts the worker; undefined when it cannot be started (then the check parses every file itself). */
  static start(root: string, course: string | undefined, kindFolders: string[]): ReadAhead | undefined {
    try {
      const { port1, port2 } = new MessageChannel();
      const stop = new SharedArrayBuffer(4);
      const data: ReadAheadData = { root, course, kindFolders, port: port2, stop };
      const worker = new Worker(new URL('./read-ahead-worker.ts', import.meta.url), {
        workerData: data,
        transferList: [port2],
        resourceLimits: { stackSizeMb: WORKER_STACK_MB },
      });
      // A worker that fails only costs its readings.
      worker.on('error', () => undefined);
      worker.unref();
      return new ReadAhead(worker, port1, stop);
    } catch {
      return undefined;
    }
  }

  /** The worker's reading of `file`, if it has sent one for this exact text. */
  take(file: string, hash: string): AheadReading | undefined {
    for (let received = receiveMessageOnPort(this.port); received; received = receiveMessageOnPort(this.port)) {
      for (const reading of received.message as AheadReading[]) this.readings.set(reading.file, reading);
    }
    const reading = this.readings.get(file);
    if (!reading) return undefined;
    this.readings.delete(file);
    // The check has reached the files the worker has read: the rest are read already.
    Atomics.store(this.stopFlag, 0, 1);
    return reading.hash === hash ? reading : undefined;
  }

  stop(): void {
    Atomics.store(this.stopFlag, 0, 1);
    this.port.close();
    void this.worker.terminate();
  }
}
