import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Keeps the structure of STYLE.md true: dependencies point one way, and the pure cores read no clock,
 * no randomness and no node:* module of their own (time and randomness are passed in).
 */
const SOURCE_ROOT = new URL('../../src/', import.meta.url).pathname;

const allowedImports: Record<string, readonly string[]> = {
  lib: ['lib'],
  model: ['lib', 'model'],
  expressions: ['lib', 'model', 'expressions'],
  storage: ['lib', 'storage'],
  partition: ['lib', 'model', 'expressions', 'storage', 'partition'],
  metadata: ['lib', 'model', 'storage', 'partition', 'metadata'],
  replication: ['lib', 'model', 'storage', 'partition', 'replication'],
  streams: ['lib', 'model', 'storage', 'partition', 'metadata', 'streams'],
  router: ['lib', 'model', 'expressions', 'storage', 'partition', 'metadata', 'replication', 'router'],
  protocol: ['lib', 'model', 'expressions', 'storage', 'partition', 'metadata', 'replication', 'router', 'streams', 'protocol'],
  cluster: ['lib', 'model', 'expressions', 'storage', 'partition', 'metadata', 'replication', 'router', 'streams', 'protocol', 'cluster', 'membership'],
  cli: ['lib', 'model', 'expressions', 'storage', 'partition', 'metadata', 'replication', 'router', 'streams', 'protocol', 'cluster', 'cli', 'sim'],
  membership: ['lib', 'membership'],
  sim: ['lib', 'membership', 'sim'],
};

const pureCores = new Set(['model', 'expressions', 'partition', 'metadata', 'replication', 'router', 'streams', 'membership']);
const impureGlobals = /\b(Date\.now|new Date\(\)|Math\.random|setTimeout|setInterval|setImmediate|process\.)/;

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.contract.ts')) {
      files.push(path);
    }
  }
  return files;
}

function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    specifiers.push(match[1] as string);
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1] as string);
  return specifiers;
}

describe('architecture', () => {
  const files = sourceFiles(SOURCE_ROOT);

  it('finds the source tree', () => {
    assert.ok(files.length > 10, `expected source files under ${SOURCE_ROOT}`);
  });

  it('keeps dependencies pointing one way', () => {
    const violations: string[] = [];
    for (const file of files) {
      const component = relative(SOURCE_ROOT, file).split(sep)[0] as string;
      const allowed = allowedImports[component];
      if (allowed === undefined) continue;
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const target = relative(SOURCE_ROOT, join(file, '..', specifier)).split(sep)[0] as string;
        if (!allowed.includes(target)) violations.push(`${relative(SOURCE_ROOT, file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('keeps the pure cores free of I/O, clocks and randomness', () => {
    const violations: string[] = [];
    for (const file of files) {
      const component = relative(SOURCE_ROOT, file).split(sep)[0] as string;
      if (!pureCores.has(component)) continue;
      const text = readFileSync(file, 'utf8');
      for (const specifier of importsOf(text)) {
        if (specifier.startsWith('node:') || specifier === 'lmdb') violations.push(`${relative(SOURCE_ROOT, file)} imports ${specifier}`);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const match = impureGlobals.exec(code);
      if (match !== null) violations.push(`${relative(SOURCE_ROOT, file)} uses ${match[0]}`);
    }
    assert.deepEqual(violations, []);
  });
});
