/**
 * The shared counter the command line's threads take files from (src/cli/pool.ts): each file taken
 * once, in order, never more than the window ahead of the last report handed on.
 */
import { EMITTED, FIRST_WORKER_SLOT, NEXT, takeNext } from '../src/cli/pool';

function counters(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (FIRST_WORKER_SLOT + 2)));
}

describe('takeNext', () => {
  test('hands out every file once, in order, then −1', () => {
    const c = counters();
    const taken: number[] = [];
    for (let i = 0; i < 7; i++) {
      const index = takeNext(c, 5, 100);
      taken.push(index);
    }
    expect(taken).toEqual([0, 1, 2, 3, 4, -1, -1]);
    expect(Atomics.load(c, NEXT)).toBe(5);
  });

  test('a full window (files taken but not yet handed on) gives −2 until a report is handed on', () => {
    const c = counters();
    expect([takeNext(c, 10, 3), takeNext(c, 10, 3), takeNext(c, 10, 3)]).toEqual([0, 1, 2]);
    expect(takeNext(c, 10, 3)).toBe(-2);
    expect(Atomics.load(c, NEXT)).toBe(3);
    Atomics.store(c, EMITTED, 1);
    expect(takeNext(c, 10, 3)).toBe(3);
    expect(takeNext(c, 10, 3)).toBe(-2);
  });

  test('no file left wins over a full window: the thread stops instead of waiting', () => {
    const c = counters();
    expect([takeNext(c, 2, 2), takeNext(c, 2, 2)]).toEqual([0, 1]);
    expect(takeNext(c, 2, 2)).toBe(-1);
  });
});
