/**
 * Starts the pane in an element: waits for Office, builds the adapter session and the checker, and
 * renders. The add-in's taskpane.html and the playground both call this, so the playground runs the
 * very same pane code on the simulated host.
 */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { ExcelSession } from '../adapter/excel';
import {
  detectCapabilities,
  displayLanguage,
  officeAvailable,
  officeThemeIsDark,
  whenOfficeReady,
} from '../adapter/host';
import { pickLocale, translator } from '../i18n/strings';
import { App } from './App';
import { Checker } from './checker';

export interface MountedPane {
  checker: Checker | null;
  unmount: () => Promise<void>;
}

export async function mountPane(
  el: HTMLElement,
  options: { debounceMs?: number } = {},
): Promise<MountedPane> {
  // An old webview (IE11, EdgeHTML) got its message from old-webview.js: leave it standing.
  if (typeof window !== 'undefined' && (window as { jixiaoOldWebview?: string }).jixiaoOldWebview)
    return { checker: null, unmount: async () => undefined };
  const root = createRoot(el);
  const ready = await whenOfficeReady();
  const locale = pickLocale(
    displayLanguage() ?? (typeof navigator !== 'undefined' ? navigator.language : null),
  );
  if (!ready || !officeAvailable()) {
    const t = translator(locale);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{t('errNoOffice')}</MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return { checker: null, unmount: async () => root.unmount() };
  }
  // The engine's English words are a chunk of their own: a Chinese pane never loads them.
  if (locale === 'en-US') await import(/* webpackChunkName: "locale-en" */ '../core/locales/en-US');
  const checker = new Checker(new ExcelSession(detectCapabilities()), options.debounceMs);
  checker.locale = locale;
  root.render(<App checker={checker} locale={locale} dark={officeThemeIsDark()} />);
  void checker.start();
  return {
    checker,
    unmount: async () => {
      await checker.dispose();
      root.unmount();
    },
  };
}
