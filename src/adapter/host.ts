/// <reference types="office-js" />
/**
 * What the running Excel can do. The manifest asks only for ExcelApi 1.1 so that the add-in still
 * loads on old perpetual Office; everything newer is checked here at run time and the pane degrades
 * (no merges, no highlights, no live check) instead of refusing.
 */
import type { Capabilities } from '../host/types';

export type { Capabilities };

export type Language = string;

function supported(version: string): boolean {
  try {
    return (
      typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version)
    );
  } catch {
    return false;
  }
}

export function detectCapabilities(): Capabilities {
  return {
    selectionEvents: supported('1.2'),
    layout: supported('1.2'),
    protection: supported('1.2'),
    conditionalFormats: supported('1.6'),
    events: supported('1.7'),
    collectionEvents: supported('1.9'),
    dataValidation: supported('1.8'),
    mergedAreas: supported('1.13'),
  };
}

/** Whether Office.js is present at all (it is not when the pane is opened outside Office). */
export function officeAvailable(): boolean {
  return typeof Office !== 'undefined' && typeof Excel !== 'undefined';
}

/** Office's display language, or null outside Office. */
export function displayLanguage(): Language | null {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null;
  }
}

/** Whether Office's theme is dark (body background darker than mid-grey). */
export function officeThemeIsDark(): boolean {
  try {
    const bg = typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
    if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
    const hex = bg.replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return 0.299 * r + 0.587 * g + 0.114 * b < 128;
  } catch {
    return false;
  }
}

/**
 * Resolves when Office is ready and says whether it is Excel. Outside Office (office.js could not
 * load: no CDN, opened in a plain browser) it resolves with false instead of hanging the pane.
 */
export function whenOfficeReady(timeoutMs = 10000): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    Office.onReady((info) => {
      clearTimeout(timer);
      resolve(info.host === Office.HostType.Excel);
    });
  });
}
