/**
 * The configuration a file is checked with: `--config FILE`, else the nearest `jixiao.config.json`
 * in the file's folder or a folder above it (as a reviewer keeps one per batch or per province).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedConfig, parseConfig } from '../core/config';
import { ConfigError } from '../core/config-error';
import type { EngineLocale } from '../core/locales';
import { say } from './words';

type Parse = typeof parseConfig;

export const CONFIG_NAME = 'jixiao.config.json';

export function readConfig(file: string, parse: Parse, locale: EngineLocale = 'zh-CN'): ResolvedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      say(locale, 'configUnreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(
      say(locale, 'configNotJson', { file, reason: e instanceof Error ? e.message : String(e) }),
    );
  }
  return parse(raw, file);
}

/** Finds and reads configurations, each folder looked up once. */
export class ConfigFinder {
  private readonly byDir = new Map<string, string | null>();
  private readonly parsed = new Map<string, ResolvedConfig>();

  /** The validator, loaded only when some file has a configuration (it brings zod, slow to load). */
  private parse: Parse | null = null;

  constructor(
    private readonly explicit: string | null,
    private readonly locale: EngineLocale = 'zh-CN',
  ) {}

  /** Loads the validator if any of these workbooks has a configuration; call before configFor. */
  async prepare(workbooks: string[]): Promise<void> {
    if (this.parse || !workbooks.some((w) => this.fileFor(w) !== null)) return;
    this.parse = (await import('../core/config')).parseConfig;
  }

  /** The configuration file for a workbook, or null for none. */
  fileFor(workbook: string): string | null {
    if (this.explicit) return this.explicit;
    return this.lookUp(path.dirname(path.resolve(workbook)));
  }

  private lookUp(dir: string): string | null {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    const candidate = path.join(dir, CONFIG_NAME);
    const parent = path.dirname(dir);
    const found = fs.existsSync(candidate) ? candidate : parent === dir ? null : this.lookUp(parent);
    this.byDir.set(dir, found);
    return found;
  }

  /** The settings for a workbook (throws ConfigError for an invalid configuration). After prepare(). */
  configFor(workbook: string): ResolvedConfig | null {
    const file = this.fileFor(workbook);
    if (!file) return null;
    let c = this.parsed.get(file);
    if (!this.parse) throw new Error('ConfigFinder.prepare was not called');
    if (!c) this.parsed.set(file, (c = readConfig(file, this.parse, this.locale)));
    return c;
  }
}
