/**
 * The code's layering, as the README states it: no two modules import each other (not even for a
 * type), and no chain of value imports comes back to where it started (a load-order trap).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['utils', 'components', 'entrypoints', 'cli'];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The project file an import specifier names (`@/utils/x`, `./x`, `../x`), or null for a package. */
function resolved(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? specifier.slice(2)
    : specifier.startsWith('.')
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  const file = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
    (candidate) => fs.existsSync(candidate),
  );
  return file ? path.normalize(file) : null;
}

interface Imports {
  /** every project file imported, types included */
  all: Set<string>;
  /** the files imported for their values (not `import type`, not only `type` names) */
  values: Set<string>;
}

function importsOf(file: string): Imports {
  const source = fs.readFileSync(file, 'utf8');
  const all = new Set<string>();
  const values = new Set<string>();
  for (const [, clause, specifier] of source.matchAll(
    /^\s*(?:import|export)\s+([^;]*?)\s*from\s+['"]([^'"]+)['"]/gm,
  )) {
    const target = resolved(file, specifier!);
    if (!target) continue;
    all.add(target);
    const typeOnly =
      /^type\b/.test(clause!) ||
      (/^\{[^}]*\}$/.test(clause!) &&
        clause!
          .slice(1, -1)
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
          .every((name) => name.startsWith('type ')));
    if (!typeOnly) values.add(target);
  }
  for (const [, specifier] of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    const target = resolved(file, specifier!);
    if (!target) continue;
    all.add(target);
    values.add(target);
  }
  return { all, values };
}

const graph = new Map(ROOTS.flatMap(sourceFiles).map((file) => [path.normalize(file), importsOf(file)]));

describe('module graph', () => {
  it('reads the project', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(path.normalize('utils/extract/index.ts'))?.values.size).toBeGreaterThan(5);
  });

  it('has no two modules that import each other', () => {
    const pairs: string[] = [];
    for (const [file, { all }] of graph)
      for (const target of all)
        if (file < target && graph.get(target)?.all.has(file)) pairs.push(`${file} ↔ ${target}`);
    expect(pairs).toEqual([]);
  });

  it('has no cycle of value imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      trail.push(file);
      for (const target of graph.get(file)?.values ?? []) {
        if (state.get(target) === 'open')
          cycles.push([...trail.slice(trail.indexOf(target)), target].join(' → '));
        else if (!state.has(target)) visit(target);
      }
      trail.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
