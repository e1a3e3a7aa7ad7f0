/**
 * Reads the requirement sets of Excel's API from the `[Api set: ExcelApi x.y]` annotations in
 * @types/office-js: which version of ExcelApi a class member (and a method's optional parameter)
 * needs. The simulated host's gating is checked against this, so that it refuses what a real Excel
 * of that version would refuse, instead of what someone remembered.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface MemberSets {
  /** "Class.member" → the lowest ExcelApi version any of its overloads needs ("1.2"), or "online" / "preview". */
  members: Map<string, string>;
  /** "Class.method(param)" → the version an optional parameter needs, when it needs more than its method. */
  params: Map<string, string>;
  /** member name → the classes (and interfaces) that have it. */
  byName: Map<string, string[]>;
}

const TYPINGS = path.join(__dirname, '..', '..', 'node_modules', '@types', 'office-js', 'index.d.ts');

function lower(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  const n = (v: string) => (/^\d/.test(v) ? v.split('.').map(Number) : [Infinity]);
  const [x, y] = [n(a), n(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? a : b;
  return a;
}

let cached: MemberSets | null = null;

export function excelMemberSets(): MemberSets {
  if (cached) return cached;
  const lines = fs.readFileSync(TYPINGS, 'utf8').split('\n');
  const members = new Map<string, string>();
  const params = new Map<string, string>();
  const byName = new Map<string, string[]>();
  // Only `declare namespace Excel { … }` itself: not Excel.Interfaces (load options, plain data).
  const start = lines.findIndex((l) => l === 'declare namespace Excel {');
  let owner: string | null = null;
  let set: string | null = null;
  let paramSets: [string, string][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^ {4}namespace Interfaces \{/.test(line) || line === '}') break;
    const decl = /^ {4}(?:class|interface) (\w+)/.exec(line);
    if (decl) {
      owner = decl[1];
      continue;
    }
    if (/^ {8}\/\*\*/.test(line)) {
      set = null;
      paramSets = [];
    }
    const p = /@param (\w+) .*\[Api set: ExcelApi ([\d.]+)\]/.exec(line);
    if (p) paramSets.push([p[1], p[2]]);
    else {
      const s = /\[Api set: (ExcelApi(?:Online)?|ExcelApi BETA)[^\d\]]*([\d.]*)/.exec(line);
      if (s && !/@param/.test(line))
        set = s[1] === 'ExcelApi' ? s[2] : s[1] === 'ExcelApiOnline' ? 'online' : 'preview';
    }
    const m: RegExpExecArray | null = owner ? /^ {8}(?:readonly )?(\w+)\??(?:\(|:|<)/.exec(line) : null;
    if (m && owner && set) {
      const key = `${owner}.${m[1]}`;
      members.set(key, lower(members.get(key), set));
      const list: string[] = byName.get(m[1]) ?? [];
      if (!list.includes(owner)) byName.set(m[1], [...list, owner]);
      for (const [name, v] of paramSets) params.set(`${key}(${name})`, v);
      set = null;
      paramSets = [];
    }
  }
  cached = { members, params, byName };
  return cached;
}
