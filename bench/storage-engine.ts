/**
 * Throughput of the storage engines, the numbers ARCHITECTURE.md quotes (not a test).
 *
 * Usage: npm run bench:storage -- [keys count, default 200000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageEngine, StorageKey } from '../src/storage/engine.js';
import { openLmdbStorageEngine, type LmdbStorageEngine } from '../src/storage/lmdb-engine.js';
import { MemoryStorageEngine } from '../src/storage/memory-engine.js';

const keysCount = Number(process.argv[2] ?? 200_000);
const valueBytes = 200;
const measureMs = 2000;
const value = new Uint8Array(valueBytes).fill(0x61);

/** Keys shaped like item keys: a shared 9-byte prefix, then 16 random bytes. */
function makeKeys(count: number): StorageKey[] {
  return Array.from({ length: count }, () => {
    const key = new Uint8Array(25);
    key.fill(0x02, 0, 9);
    for (let index = 9; index < key.length; index++) key[index] = Math.floor(Math.random() * 256);
    return key;
  });
}

async function durablePutsPerSecond(engine: StorageEngine, keys: StorageKey[], callers: number): Promise<number> {
  let next = 0;
  const deadline = performance.now() + measureMs;
  const started = performance.now();
  const caller = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const key = keys[next++ % keys.length] as StorageKey;
      await engine.write([{ kind: 'put', key, value }]);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return next / ((performance.now() - started) / 1000);
}

/** Synchronous commits only (no waiting for durability): the CPU cost of a write. */
async function committedPutsPerSecond(engine: StorageEngine, keys: StorageKey[]): Promise<number> {
  const count = 50_000;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    void engine.write([{ kind: 'put', key: keys[index % keys.length] as StorageKey, value }]);
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  await engine.flush();
  return perSecond;
}

function getsPerSecond(engine: StorageEngine, keys: StorageKey[]): number {
  let found = 0;
  let gets = 0;
  const started = performance.now();
  while (performance.now() - started < measureMs) {
    for (let index = 0; index < 10_000; index++) {
      if (engine.get(keys[Math.floor(Math.random() * keys.length)] as StorageKey) !== undefined) found++;
    }
    gets += 10_000;
  }
  if (found !== gets) throw new Error(`only ${found} of ${gets} keys found`);
  return gets / ((performance.now() - started) / 1000);
}

function rangeEntriesPerSecond(engine: StorageEngine): number {
  const started = performance.now();
  let entries = 0;
  for (const _entry of engine.range({})) entries++;
  return entries / ((performance.now() - started) / 1000);
}

async function load(engine: StorageEngine, keys: StorageKey[]): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < keys.length; index += 100) {
    void engine.write(keys.slice(index, index + 100).map((key) => ({ kind: 'put' as const, key, value })));
  }
  await engine.flush();
  return keys.length / ((performance.now() - started) / 1000);
}

function print(label: string, perSecond: number, note = ''): void {
  console.log(`${label.padEnd(58)} ${Math.round(perSecond).toLocaleString('en-US').padStart(10)} /s ${note}`);
}

async function benchmarkLmdb(keys: StorageKey[]): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'dynacell-benchmark-'));
  const engine: LmdbStorageEngine = openLmdbStorageEngine({ directory });
  try {
    print(`lmdb: load ${keys.length} keys, 100 puts per write`, await load(engine, keys));
    print('lmdb: puts committed, not awaited, 1 put per write', await committedPutsPerSecond(engine, keys));
    for (const callers of [1, 64, 256]) {
      const flushesBefore = engine.flushCount;
      const started = performance.now();
      const rate = await durablePutsPerSecond(engine, keys, callers);
      const writes = (rate * (performance.now() - started)) / 1000;
      const perFlush = writes / Math.max(1, engine.flushCount - flushesBefore);
      print(`lmdb: durable puts, 1 put per write, ${callers} callers`, rate, `(${perFlush.toFixed(1)} writes per fsync)`);
    }
    print(`lmdb: random gets over ${keys.length} keys`, getsPerSecond(engine, keys));
    print('lmdb: full range scan, entries', rangeEntriesPerSecond(engine));
  } finally {
    await engine.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchmarkMemory(keys: StorageKey[]): Promise<void> {
  const engine = new MemoryStorageEngine();
  print(`memory: load ${keys.length} keys, 100 puts per write`, await load(engine, keys));
  print('memory: puts, 1 put per write, 64 callers', await durablePutsPerSecond(engine, keys, 64));
  print(`memory: random gets over ${keys.length} keys`, getsPerSecond(engine, keys));
  print('memory: full range scan, entries', rangeEntriesPerSecond(engine));
  await engine.close();
}

const keys = makeKeys(keysCount);
await benchmarkLmdb(keys);
await benchmarkMemory(keys);
