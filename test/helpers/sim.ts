/**
 * Test helpers: a fixture loaded into the simulated Office host, with the Office.js globals
 * installed on globalThis so that the real adapter runs unchanged.
 */
import * as fs from 'fs';
import * as path from 'path';
import { installSimulatedOffice } from '../../src/sim/office-sim';
import { loadXlsx } from '../../src/sim/load-xlsx';
import { SimWorkbook } from '../../src/sim/workbook';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export async function simFromFixture(
  name: string,
  options: { apiVersion?: string; displayLanguage?: string } = {},
): Promise<SimWorkbook> {
  const host = await loadXlsx(fs.readFileSync(path.join(FIXTURES, name)));
  return install(host, options);
}

export function install(
  host: SimWorkbook,
  options: { apiVersion?: string; displayLanguage?: string } = {},
): SimWorkbook {
  if (options.apiVersion) host.apiVersion = options.apiVersion;
  installSimulatedOffice(globalThis as unknown as Record<string, unknown>, host, {
    displayLanguage: options.displayLanguage,
  });
  return host;
}

/** Lets queued timers (event dispatch, debounces) run. */
export function tick(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
