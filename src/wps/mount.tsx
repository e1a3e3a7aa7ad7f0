/**
 * Starts the pane in WPS 表格: the WPS adapter's session on the object model the add-in page is
 * given (window.Application, as the official templates use it), and the same pane as in Excel.
 * Opened outside WPS, the pane says so.
 */
import { pickLocale } from '../i18n/strings';
import { type MountedPane, renderPane } from '../taskpane/render';
import type { EtApplication } from './et';
import { WpsSession } from './session';

/** The object model of the WPS the page runs in, if any. */
export function wpsApplication(): EtApplication | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { Application?: EtApplication; wps?: EtApplication };
  return w.Application ?? w.wps ?? null;
}

export function mountWpsPane(
  el: HTMLElement,
  options: { app?: EtApplication | null; debounceMs?: number; language?: string } = {},
): Promise<MountedPane> {
  const app = options.app === undefined ? wpsApplication() : options.app;
  // WPS's own UI language is not in the typings: the page's language stands for it.
  const locale = pickLocale(
    options.language ?? (typeof navigator !== 'undefined' ? navigator.language : null),
  );
  return renderPane(el, app ? new WpsSession(app) : null, {
    locale,
    debounceMs: options.debounceMs,
    missingHost: 'errNoWps',
  });
}
