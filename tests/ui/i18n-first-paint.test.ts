/**
 * The task pane's first script carries zh-CN's first-paint strings only (zh-CN-first.ts); the views'
 * (zh-CN-views.ts) come with the views (SPEC §10). Every string key that code statically reachable
 * from the pane's entry names must therefore be a first-paint key, or the first paint would show
 * a key instead of Chinese; and once the views' strings are loaded, zh-CN is whole.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import zhCNFirst from '../../src/i18n/zh-CN-first';
import zhCNViews from '../../src/i18n/zh-CN-views';

const SRC = join(__dirname, '..', '..', 'src');
const NAMESPACES = [...Object.keys(zhCNFirst), ...Object.keys(zhCNViews)];

function resolveModule(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((f) =>
    existsSync(f),
  );
}

/** Modules reached from `entry` by static imports and re-exports (not `import type`, not `import()`). */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
      const target = resolveModule(file, m[1] as string);
      if (target) queue.push(target);
    }
    for (const m of source.matchAll(/^import\s+'(\.[^']+)'/gm)) {
      const target = resolveModule(file, m[1] as string);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

/** The namespaces of the string keys a module names: `'findings.fix'`, `` `busy.${op}` ``. */
function namespacesNamed(file: string): Set<string> {
  const source = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of source.matchAll(/['`]([a-zA-Z]+)\.[a-zA-Z$]/g))
    if (NAMESPACES.includes(m[1] as string)) found.add(m[1] as string);
  return found;
}

function namespacesReachedFrom(entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of staticGraph(entry))
    for (const ns of namespacesNamed(file)) out.set(ns, [...(out.get(ns) ?? []), file.slice(SRC.length + 1)]);
  return out;
}

describe('the task pane’s first-paint strings', () => {
  test('cover every key its first script names', () => {
    const reached = namespacesReachedFrom(join(SRC, 'taskpane', 'index.tsx'));
    // The scan sees the first paint's own words …
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['commands', 'busy', 'outside']));
    const missing = [...reached].filter(([ns]) => !(ns in zhCNFirst));
    expect(missing).toEqual([]);
  });

  test('leave the views’ keys to the views, which the scan sees there', () => {
    const reached = namespacesReachedFrom(join(SRC, 'taskpane', 'paneParts.ts'));
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['findings', 'severity']));
  });

  test('are completed by loadViewStrings', async () => {
    await jest.isolateModulesAsync(async () => {
      const core = await import('../../src/i18n/core');
      expect(core.t('zh-CN', 'commands.validate')).toBe(zhCNFirst.commands.validate);
      expect(core.t('zh-CN', 'findings.heading')).toBe('findings.heading');
      await core.loadViewStrings();
      expect(core.t('zh-CN', 'findings.heading')).toBe(zhCNViews.findings.heading);
      expect(core.t('zh-CN', 'commands.validate')).toBe(zhCNFirst.commands.validate);
    });
  });
});
