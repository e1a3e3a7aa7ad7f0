/**
 * Text from a workbook, made safe for a terminal: control characters (C0 but tab, DEL, C1) and the
 * bidirectional overrides are shown as visible escapes ("\x1b", "\u202e") instead of being sent raw,
 * where they could clear the screen, set the window title or reorder what a reviewer reads.
 * JSON output needs none of this: JSON.stringify escapes control characters itself.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
