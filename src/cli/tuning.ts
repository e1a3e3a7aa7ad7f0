/**
 * V8 settings for the command line, set by bin/jixiao.js before the engine loads. A batch is short
 * (a second for a hundred forms) and the engine's functions are large: TurboFan inlining them costs
 * more CPU on background compiler threads than the inlined code saves within a batch. Measured with
 * `npm run bench` on 100 files (the ten seed fixtures ×10), --jobs 1: CPU 1.75 s → 1.19 s, wall
 * 1.03 s → 0.76 s; on 800 files CPU 4.8 s → 4.1 s. Functions are still optimised, only not inlined
 * into each other. The pane runs in the host's browser engine and is not affected.
 */
import { setFlagsFromString } from 'v8';

export const BATCH_V8_FLAGS = ['--no-turbo-inlining'];

/** Applies the batch settings: before the engine's code is first optimised, so that all of it runs so. */
export function tuneForBatch(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}
