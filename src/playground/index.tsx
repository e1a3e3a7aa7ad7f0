/**
 * The playground: a simulated Excel (an editable grid over a workbook loaded from .xlsx) next to
 * the real task pane, for people without Excel and for the browser tests. It is a simulation: the
 * Office.js API is provided by src/sim, not by Excel.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from '@fluentui/react-components';
import { type Root, createRoot } from 'react-dom/client';
import { type Locale, loadLocale, translator } from '../i18n/strings';
import { UnreadableFileError } from '../xlsx/unreadable';
import { type MountedPane, mountPane } from '../taskpane/mount';
import { loadXlsx } from '../sim/load-xlsx';
import { installSimulatedOffice } from '../sim/office-sim';
import { type SimEtApplication, installSimulatedWps } from '../sim/wps-sim';
import type { EtApplication } from '../wps/et';
import { mountWpsPane } from '../wps/mount';
import type { SimWorkbook } from '../sim/workbook';
import { Grid } from './Grid';

export const FIXTURES: { file: string; label: string }[] = [
  { file: 'guyuan.xlsx', label: '固原（多张表在一张工作表）' },
  { file: 'pingluo.xlsx', label: '平罗' },
  { file: 'langfang.xlsx', label: '廊坊' },
  { file: 'yinchuan.xlsx', label: '银川' },
  { file: 'ningxia.xlsx', label: '宁夏' },
  { file: 'guyuan.per-sheet.xlsx', label: '固原（一表一页）' },
];

declare global {
  interface Window {
    /** For the browser tests and the curious: the simulated workbook and the pane. */
    jixiaoPlayground?: { host: SimWorkbook; pane: MountedPane; syncs: () => number; kind: 'office' | 'wps' };
  }
}

const params = new URLSearchParams(location.search);
const gridRoot = createRoot(document.getElementById('grid')!);
const paneEl = document.getElementById('pane')!;
const status = document.getElementById('status')!;
let pane: MountedPane | null = null;

const langSelect = document.getElementById('lang') as HTMLSelectElement;
// The simulated host: Excel through Office.js, or WPS 表格 through its object model (?host=wps).
const hostSelect = document.getElementById('host') as HTMLSelectElement;
hostSelect.value = params.get('host') === 'wps' ? 'wps' : 'office';
let wpsApp: SimEtApplication | null = null;
langSelect.value = params.get('lang') === 'en-US' ? 'en-US' : 'zh-CN';
let current: { host: SimWorkbook; name: string } | null = null;
/** A file that could not be opened: named in the pane, in place of the previous workbook's results. */
let failed: { name: string; error: unknown; root: Root } | null = null;

async function open(data: ArrayBuffer, name: string): Promise<void> {
  status.textContent = `正在打开 ${name}…`;
  let host: SimWorkbook;
  try {
    host = await loadXlsx(data);
  } catch (e) {
    // The command line's one-line reason for the same file, here and in the pane's main area.
    status.textContent = `无法打开 ${name}：${e instanceof Error ? e.message : String(e)}`;
    await showFailure(name, e);
    return;
  }
  if (params.get('api')) host.apiVersion = params.get('api')!;
  await show(host, name);
}

/** Removes the workbook shown and its pane, or the failure shown in its place. */
async function clearShown(): Promise<void> {
  if (pane) await pane.unmount();
  pane = null;
  failed?.root.unmount();
  failed = null;
  wpsApp?.dispose();
  wpsApp = null;
  paneEl.replaceChildren();
}

/**
 * A file that cannot be opened: the previous workbook and its results go (they are not this file's),
 * and the pane says why, in its main area, in the chosen display language.
 */
async function showFailure(name: string, error: unknown): Promise<void> {
  current = null;
  await clearShown();
  window.jixiaoPlayground = undefined;
  gridRoot.render(null);
  const inner = document.createElement('div');
  paneEl.append(inner);
  const locale: Locale = langSelect.value === 'en-US' ? 'en-US' : 'zh-CN';
  await loadLocale(locale);
  const t = translator(locale);
  const reason =
    error instanceof UnreadableFileError
      ? locale === 'en-US'
        ? error.reason.en
        : error.reason.zh
      : error instanceof Error
        ? error.message
        : String(error);
  const root = createRoot(inner);
  failed = { name, error, root };
  root.render(
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main style={{ padding: '12px' }}>
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="open-failed">
          <MessageBarBody>
            <MessageBarTitle>{t('fileUnreadable', { name })}</MessageBarTitle>
            {t('fileUnreadableHint', { reason })}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>,
  );
}

/** Shows a workbook in the grid and mounts the pane on it, in the chosen display language. */
async function show(host: SimWorkbook, name: string): Promise<void> {
  current = { host, name };
  await clearShown();
  gridRoot.render(<Grid host={host} fileName={name} />);
  // A fresh element per workbook: React roots are not reused across unmounts.
  const inner = document.createElement('div');
  paneEl.append(inner);
  const debounceMs = Number(params.get('debounce') ?? 300);
  const kind = hostSelect.value === 'wps' ? 'wps' : 'office';
  if (kind === 'wps') {
    wpsApp = installSimulatedWps(window as unknown as Record<string, unknown>, host);
    pane = await mountWpsPane(inner, {
      app: wpsApp as unknown as EtApplication,
      debounceMs,
      language: langSelect.value,
    });
  } else {
    installSimulatedOffice(window as unknown as Record<string, unknown>, host, {
      displayLanguage: langSelect.value,
    });
    pane = await mountPane(inner, { debounceMs });
  }
  const shown = pane;
  // Round trips to the host: context.sync calls on Office, object-model calls on WPS.
  const syncs = () => (kind === 'wps' ? (shown.checker?.session.syncs ?? 0) : host.syncCount);
  window.jixiaoPlayground = { host, pane, syncs, kind };
  status.textContent =
    kind === 'wps'
      ? `${name} — 模拟的 WPS 表格（不是真正的 WPS）`
      : `${name} — 模拟的 Excel（不是真正的 Excel）`;
}

async function openFixture(file: string): Promise<void> {
  const res = await fetch(`fixtures/${encodeURIComponent(file)}`);
  if (!res.ok) {
    status.textContent = `无法载入示例 ${file}（${res.status}）`;
    return;
  }
  await open(await res.arrayBuffer(), file);
}

// Office's display language, simulated: the pane follows it as it follows Excel's.
langSelect.addEventListener('change', () => {
  if (current) void show(current.host, current.name);
  else if (failed) void showFailure(failed.name, failed.error);
});
// The same workbook, shown to the pane through the other host.
hostSelect.addEventListener('change', () => {
  if (current) void show(current.host, current.name);
});

const select = document.getElementById('fixture') as HTMLSelectElement;
for (const f of FIXTURES) select.append(new Option(f.label, f.file));
select.addEventListener('change', () => void openFixture(select.value));
const picker = document.getElementById('file') as HTMLInputElement;
picker.addEventListener('change', async () => {
  const file = picker.files?.[0];
  if (file) await open(await file.arrayBuffer(), file.name);
});
// A file dropped anywhere on the page opens as the picker's would.
document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  e.preventDefault();
  void file.arrayBuffer().then((data) => open(data, file.name));
});

const initial = params.get('fixture') ?? FIXTURES[0].file;
select.value = initial;
void openFixture(initial);
