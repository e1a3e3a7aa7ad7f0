/**
 * A progress bar on stderr for a terminal: one line redrawn in place (at most ten times a second),
 * cleared before anything else is printed and at the end, so it never mixes with the results.
 */
export interface Progress {
  tick(done: number, file: string): void;
  /** Removes the bar (before a line of output, and at the end). */
  clear(): void;
}

const WIDTH = 24;

export function progressBar(
  total: number,
  write: (s: string) => void,
  now: () => number = Date.now,
  label = '检查中',
): Progress {
  let last = -Infinity;
  let shown = false;
  return {
    tick(done, file) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      const filled = Math.round((done / total) * WIDTH);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
      write(
        `\r\x1b[K${label} ${done}/${total} [${bar}] ${Math.floor((done / total) * 100)}% ${visible(name)}`,
      );
      shown = true;
    },
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}

export const noProgress: Progress = { tick() {}, clear() {} };

/** Control characters in a file name would move the cursor: shown as "?". */
function visible(name: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
