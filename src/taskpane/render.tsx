/**
 * Renders the pane for a host's session — Excel's (taskpane/mount.tsx) or WPS's (wps/mount.tsx) —
 * or, when the host is absent, the message that says so instead of a blank pane.
 */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { SheetHost } from '../host/types';
import { type Locale, type StringKey, loadLocale, translator } from '../i18n/strings';
import { App } from './App';
import { Checker } from './checker';

export interface MountedPane {
  checker: Checker | null;
  unmount: () => Promise<void>;
}

export async function renderPane(
  el: HTMLElement,
  session: SheetHost | null,
  options: { locale: Locale; dark?: boolean; debounceMs?: number; missingHost: StringKey },
): Promise<MountedPane> {
  const root = createRoot(el);
  const { locale } = options;
  // English words (the pane's and the engine's) are a chunk of their own: a Chinese pane never loads them.
  await loadLocale(locale);
  if (!session) {
    const t = translator(locale);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{t(options.missingHost)}</MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return { checker: null, unmount: async () => root.unmount() };
  }
  const checker = new Checker(session, options.debounceMs);
  checker.locale = locale;
  root.render(<App checker={checker} locale={locale} dark={options.dark} />);
  void checker.start();
  return {
    checker,
    unmount: async () => {
      await checker.dispose();
      root.unmount();
    },
  };
}
