/**
 * Starts the pane in Excel: waits for Office, builds the Office adapter's session and renders the
 * pane (render.tsx). The add-in's taskpane.html and the playground both call this, so the
 * playground runs the very same pane code on the simulated host.
 */
import { ExcelSession } from '../adapter/excel';
import {
  detectCapabilities,
  displayLanguage,
  officeAvailable,
  officeThemeIsDark,
  whenOfficeReady,
} from '../adapter/host';
import { pickLocale } from '../i18n/strings';
import { type MountedPane, renderPane } from './render';

export type { MountedPane };

export async function mountPane(
  el: HTMLElement,
  options: { debounceMs?: number } = {},
): Promise<MountedPane> {
  // An old webview (IE11, EdgeHTML) got its message from old-webview.js: leave it standing.
  if (typeof window !== 'undefined' && (window as { jixiaoOldWebview?: string }).jixiaoOldWebview)
    return { checker: null, unmount: async () => undefined };
  const ready = await whenOfficeReady();
  const locale = pickLocale(
    displayLanguage() ?? (typeof navigator !== 'undefined' ? navigator.language : null),
  );
  const session = ready && officeAvailable() ? new ExcelSession(detectCapabilities()) : null;
  return renderPane(el, session, {
    locale,
    dark: session ? officeThemeIsDark() : false,
    debounceMs: options.debounceMs,
    missingHost: 'errNoOffice',
  });
}
