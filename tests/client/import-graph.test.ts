/**
 * The client's import structure, read from its source files: no import cycle between client folders
 * (nor between files), shared helpers at the bottom (client/shared imports no other client folder,
 * client/ui only shared), and no client file importing the server. A helper put back in a feature
 * folder that others need would show up here as a cycle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLIENT = resolve(import.meta.dirname, '../../client');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative imports of `file`, resolved to absolute paths (without extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|(?:^|\n)\s*import\s+'(\.[^']+)'/g)) {
    const spec = m[1] ?? m[2];
    if (!spec || /\.(css|html)$/.test(spec)) continue;
    const path = resolve(dirname(file), spec).replace(/\.ts$/, '');
    // A folder import means its index.
    out.push(!existsSync(`${path}.ts`) && existsSync(join(path, 'index.ts')) ? join(path, 'index') : path);
  }
  return out;
}

/** The client folder a path lies in ('.' for client/ itself), or null outside the client. */
function folderOf(path: string): string | null {
  const rel = relative(CLIENT, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0] : '.';
}

/** One cycle in `graph`, as the nodes along it, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

const files = sourceFiles(CLIENT);
const edges = files.map((f) => ({ from: f.replace(/\.ts$/, ''), to: importsOf(f) }));

describe('client import structure', () => {
  it('reads the imports it checks (the client has its folders and files)', () => {
    expect(new Set(files.map((f) => folderOf(f)))).toEqual(new Set(['.', 'account', 'add', 'annotations', 'api', 'changes', 'compare', 'history', 'home', 'inbox', 'live', 'reuse', 'search', 'sets', 'shared', 'sidebar', 'suggestions', 'tags', 'transfer', 'ui', 'viewer']));
    expect(edges.reduce((n, e) => n + e.to.length, 0)).toBeGreaterThan(200);
  });

  it('has no import cycle between client folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const a = folderOf(from) as string;
      for (const target of to) {
        const b = folderOf(target);
        if (b === null || b === a) continue;
        if (!graph.has(a)) graph.set(a, new Set());
        graph.get(a)!.add(b);
      }
    }
    expect(findCycle(graph)).toBeNull();
  });

  it('has no import cycle between client files', () => {
    const graph = new Map(edges.map(({ from, to }) => [from, new Set(to.filter((t) => folderOf(t) !== null))]));
    const cycle = findCycle(graph);
    expect(cycle && cycle.map((p) => relative(CLIENT, p))).toBeNull();
  });

  it('keeps shared helpers at the bottom and the server out', () => {
    for (const { from, to } of edges) {
      const folder = folderOf(from);
      for (const target of to) {
        const where = folderOf(target);
        expect(relative(resolve(CLIENT, '..'), target).startsWith('server/'), `${relative(CLIENT, from)} imports the server`).toBe(false);
        if (folder === 'shared') expect(where === null || where === 'shared', `${relative(CLIENT, from)} -> ${relative(CLIENT, target)}`).toBe(true);
        if (folder === 'ui') expect(where === null || where === 'shared' || where === 'ui', `${relative(CLIENT, from)} -> ${relative(CLIENT, target)}`).toBe(true);
      }
    }
  });
});

describe('findCycle', () => {
  it('finds a cycle and says when there is none', () => {
    const graph = (pairs: [string, string][]) => {
      const g = new Map<string, Set<string>>();
      for (const [a, b] of pairs) g.set(a, new Set([...(g.get(a) ?? []), b]));
      return g;
    };
    expect(findCycle(graph([['a', 'b'], ['b', 'c'], ['c', 'a']]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(graph([['a', 'b'], ['b', 'c'], ['a', 'c']]))).toBeNull();
  });
});
