/**
 * A host's failures as the pane explains them. Each host's adapter classifies its own errors (Office's
 * error codes in src/adapter/errors.ts, WPS's exceptions in src/wps) into these kinds, so the pane
 * never shows a blank state or leaves an error in the console only.
 */
import type { StringKey } from '../i18n/strings';

export type ErrorKind =
  'editMode' | 'busy' | 'protected' | 'api' | 'tooLarge' | 'notFound' | 'noOffice' | 'generic';

export interface HostError {
  kind: ErrorKind;
  /** The host's error code, when it gave one. */
  code: string | null;
  /** The host's own message (shown after the explanation, for support). */
  detail: string;
  /** Whether trying again later can succeed (edit mode, busy host). */
  transient: boolean;
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

/** An error thrown by a host's adapter: carries its classification for the pane. */
export class HostFailure extends Error {
  readonly info: HostError;
  constructor(info: HostError) {
    super(info.detail);
    this.name = 'HostFailure';
    this.info = info;
  }
}

/** Any error → what the pane shows: a host's failure as its adapter classified it, anything else as generic. */
export function hostError(e: unknown): HostError {
  if (e instanceof HostFailure) return e.info;
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'generic', code: null, detail: message, transient: false };
}
