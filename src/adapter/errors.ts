/**
 * Office.js errors → what the pane tells the user. Every failure of an Excel.run lands here, so the
 * pane never shows a blank state or leaves an error in the console only.
 */
import type { StringKey } from '../i18n/strings';

export type ErrorKind =
  'editMode' | 'busy' | 'protected' | 'api' | 'tooLarge' | 'notFound' | 'noOffice' | 'generic';

export interface AdapterError {
  kind: ErrorKind;
  /** Office's error code, when it gave one. */
  code: string | null;
  /** Office's own message (shown after the explanation, for support). */
  detail: string;
  /** Whether trying again later can succeed (edit mode, busy host). */
  transient: boolean;
}

const BY_CODE: Record<string, ErrorKind> = {
  InvalidOperationInCellEditMode: 'editMode',
  ActivityLimitReached: 'busy',
  Conflict: 'busy',
  ServiceNotAvailable: 'busy',
  AccessDenied: 'protected',
  ApiNotFound: 'api',
  ApiNotAvailable: 'api',
  UnsupportedOperation: 'api',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  ItemNotFound: 'notFound',
};

export function classifyError(e: unknown): AdapterError {
  const err = e as { code?: unknown; message?: unknown; name?: unknown } | null;
  const code = err && typeof err.code === 'string' ? err.code : null;
  const message = err && typeof err.message === 'string' ? err.message : String(e);
  let kind: ErrorKind = (code && BY_CODE[code]) || 'generic';
  if (kind === 'generic' && e instanceof ReferenceError && /\b(Excel|Office)\b/.test(message))
    kind = 'noOffice';
  // Office reports some edits during cell editing as a bare InvalidOperation with this wording.
  if (kind === 'generic' && code === 'InvalidOperation' && /edit mode|编辑模式/i.test(message))
    kind = 'editMode';
  if (kind === 'generic' && /protect/i.test(message)) kind = 'protected';
  return {
    kind,
    code,
    detail: code ? `${code}: ${message}` : message,
    transient: kind === 'editMode' || kind === 'busy',
  };
}

export const MESSAGE_KEY: Record<ErrorKind, StringKey> = {
  editMode: 'errEditMode',
  busy: 'errBusy',
  protected: 'errProtected',
  api: 'errApi',
  tooLarge: 'errTooLarge',
  notFound: 'errNotFound',
  noOffice: 'errNoOffice',
  generic: 'errGeneric',
};

/** An error thrown by the adapter: carries the classification for the pane. */
export class ExcelAdapterError extends Error {
  readonly info: AdapterError;
  constructor(info: AdapterError) {
    super(info.detail);
    this.name = 'ExcelAdapterError';
    this.info = info;
  }
}

export function asAdapterError(e: unknown): ExcelAdapterError {
  return e instanceof ExcelAdapterError ? e : new ExcelAdapterError(classifyError(e));
}
