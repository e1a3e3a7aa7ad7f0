/**
 * Office.js errors → the host-neutral kinds the pane explains (host/errors.ts). Every failure of an
 * Excel.run lands here.
 */
import { type ErrorKind, type HostError, HostFailure } from '../host/errors';

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

export function classifyError(e: unknown): HostError {
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

/** Any error of an Excel.run → a HostFailure with Office's classification. */
export function asAdapterError(e: unknown): HostFailure {
  return e instanceof HostFailure ? e : new HostFailure(classifyError(e));
}
