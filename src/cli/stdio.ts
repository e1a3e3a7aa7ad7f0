/**
 * The process's own stdout and stderr as the command line writes them. When the reader of stdout
 * goes away (`jixiao check … | head`, `| less` quit early), further writes fail with EPIPE: the
 * command line then stops at once and quietly, as a Unix tool killed by SIGPIPE does — exit status
 * 141 (128 + SIGPIPE), so `set -o pipefail` still sees that the output was cut — instead of an
 * unhandled 'error' event and a stack trace.
 */
import type { CliIO } from './io';

/** The exit status a shell gives a process killed by SIGPIPE. */
export const SIGPIPE_STATUS = 141;

let guarded = false;

/** Stops the process quietly when a standard stream's reader has closed it. */
export function guardClosedPipes(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(SIGPIPE_STATUS);
      throw e;
    });
  }
}

/** stdout and stderr lines, and a progress bar only where a person watches stderr. */
export function processIO(): CliIO {
  guardClosedPipes();
  return {
    out: (s) => {
      process.stdout.write(s + '\n');
    },
    err: (s) => {
      process.stderr.write(s + '\n');
    },
    ...(process.stderr.isTTY ? { progress: (s: string) => process.stderr.write(s) } : {}),
  };
}
