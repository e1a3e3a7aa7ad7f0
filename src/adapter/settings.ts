/// <reference types="office-js" />
/**
 * The reviewer's check settings (profile, rule levels and options), saved in the workbook with
 * Office's add-in settings — Office.context.document.settings, kept per add-in and per document —
 * so that a reviewer's choice travels with the file. https://learn.microsoft.com/javascript/api/office/office.settings
 */
import { HostFailure } from '../host/errors';
import { asAdapterError } from './errors';

/** The one setting the add-in keeps: the configuration object, as jixiao.config.json writes it. */
export const SETTINGS_KEY = 'jixiao.config';

function settings(): Office.Settings | null {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.document?.settings ?? null) : null;
  } catch {
    return null;
  }
}

/** Whether this host keeps add-in settings in the document (Excel does; outside Office nothing does). */
export function workbookSettingsAvailable(): boolean {
  return settings() !== null;
}

/** The saved configuration as stored (validated by the caller), or null when there is none. */
export function readWorkbookSettings(): unknown {
  return settings()?.get(SETTINGS_KEY) ?? null;
}

/**
 * Saves the configuration in the workbook (null removes it). saveAsync writes the in-memory copy to
 * the document; if it fails, the in-memory copy is put back, so a failed save changes nothing.
 */
export function saveWorkbookSettings(value: object | null): Promise<void> {
  const s = settings();
  if (!s)
    return Promise.reject(
      new HostFailure({
        kind: 'api',
        code: null,
        detail: 'Office.context.document.settings',
        transient: false,
      }),
    );
  const before: unknown = s.get(SETTINGS_KEY);
  const put = (v: unknown) =>
    v === null || v === undefined ? s.remove(SETTINGS_KEY) : s.set(SETTINGS_KEY, v);
  put(value);
  return new Promise((resolve, reject) => {
    s.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) return resolve();
      put(before);
      reject(asAdapterError(result.error));
    });
  });
}
