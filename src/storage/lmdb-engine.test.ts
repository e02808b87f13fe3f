import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirectoryInUseError } from './data-directory-lock.js';
import type { StorageEngine, WriteOperation } from './engine.js';
import { crashTestKey, crashTestValue } from './lmdb-crash-writer.js';
import { openLmdbStorageEngine } from './lmdb-engine.js';
import { openStorageEngine } from './open-engine.js';

const temporaryDirectories: string[] = [];
after(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'dynacell-lmdb-test-'));
  temporaryDirectories.push(directory);
  return directory;
}

const encoder = new TextEncoder();
const key = (text: string): Uint8Array => encoder.encode(text);
const put = (text: string, value: string): WriteOperation => ({ kind: 'put', key: key(text), value: key(value) });

describe('lmdb engine', () => {
  test('data survives closing and reopening', async () => {
    const directory = temporaryDirectory();
    const first = openLmdbStorageEngine({ directory });
    await first.write([put('kept', 'value'), put('removed', 'x')]);
    await first.write([{ kind: 'delete', key: key('removed') }]);
    void first.write([put('unawaited', 'still durable')]); // close must wait for it
    await first.close();
    const second = openLmdbStorageEngine({ directory });
    assert.deepEqual(second.get(key('kept')), key('value'));
    assert.deepEqual(second.get(key('unawaited')), key('still durable'));
    assert.equal(second.get(key('removed')), undefined);
    await second.close();
  });

  test('500 writes issued in one turn share a flush', async () => {
    const engine = openLmdbStorageEngine({ directory: temporaryDirectory() });
    const flushesBefore = engine.flushCount;
    await Promise.all(Array.from({ length: 500 }, (_, index) => engine.write([put(`key ${index}`, 'v')])));
    const flushes = engine.flushCount - flushesBefore;
    assert.ok(flushes >= 1 && flushes <= 2, `500 writes took ${flushes} flushes`);
    await engine.close();
  });

  test('64 callers writing one after another share flushes', async () => {
    const engine = openLmdbStorageEngine({ directory: temporaryDirectory() });
    const writesPerCaller = 20;
    const caller = async (callerIndex: number): Promise<void> => {
      for (let index = 0; index < writesPerCaller; index++) await engine.write([put(`${callerIndex}/${index}`, 'v')]);
    };
    await Promise.all(Array.from({ length: 64 }, (_, callerIndex) => caller(callerIndex)));
    const writes = 64 * writesPerCaller;
    assert.ok(engine.flushCount <= writes / 16, `${writes} writes took ${engine.flushCount} flushes`);
    await engine.close();
  });

  test('a directory whose name has a dot holds the data files, which the flushes sync', async () => {
    const directory = join(temporaryDirectory(), 'storage.v1');
    const engine = openLmdbStorageEngine({ directory });
    await engine.write([put('k', 'v')]);
    assert.equal(engine.flushCount, 1);
    await engine.close();
    assert.ok(existsSync(join(directory, 'data.mdb')));
  });

  test('every acknowledged write survives kill -9, and writes stay atomic', async () => {
    for (let round = 0; round < 3; round++) {
      const dataDirectory = temporaryDirectory();
      const acknowledged = await runCrashWriterUntilKilled(dataDirectory, 100 + round * 150);
      assert.ok(acknowledged.length > 0, 'the writer acknowledged nothing before the kill');
      // Reopening also takes over the lock the killed process left behind.
      const engine = await openStorageEngine({ inMemory: false, dataDirectory });
      for (const writeNumber of acknowledged) {
        assert.deepEqual(engine.get(crashTestKey('a', writeNumber)), crashTestValue(writeNumber), `a/${writeNumber}`);
        assert.deepEqual(engine.get(crashTestKey('b', writeNumber)), crashTestValue(writeNumber), `b/${writeNumber}`);
      }
      assertPairsComplete(engine);
      await engine.close();
    }
  });

  test('a second engine on the same data directory is refused until the first closes', async () => {
    const dataDirectory = temporaryDirectory();
    const first = await openStorageEngine({ inMemory: false, dataDirectory });
    await assert.rejects(openStorageEngine({ inMemory: false, dataDirectory }), (error) => {
      assert.ok(error instanceof DataDirectoryInUseError);
      assert.match(error.message, /is in use by this process/);
      return true;
    });
    await first.write([put('k', 'v')]);
    await first.close();
    const second = await openStorageEngine({ inMemory: false, dataDirectory });
    assert.deepEqual(second.get(key('k')), key('v'));
    await second.close();
  });

  test('the in-memory engine needs no directory', async () => {
    const engine = await openStorageEngine({ inMemory: true, dataDirectory: '/nonexistent/dynacell' });
    assert.equal(engine.durable, false);
    await engine.close();
  });
});

/** Runs the writer, kills it with SIGKILL `delayMs` after it is ready; returns what it acknowledged. */
async function runCrashWriterUntilKilled(dataDirectory: string, delayMs: number): Promise<number[]> {
  const writerPath = fileURLToPath(new URL('./lmdb-crash-writer.js', import.meta.url));
  const child = spawn(process.execPath, [writerPath, dataDirectory], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (output === '' && chunk.startsWith('ready\n')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    output += chunk;
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  assert.equal(signal, 'SIGKILL', `the writer exited on its own (code ${code}): ${output.slice(-500)}`);
  const lines = output.split('\n');
  lines.pop(); // a line cut by the kill was never acknowledged in full
  return lines.filter((line) => line !== 'ready').map(Number);
}

/** Each write put an a/ and a b/ key together: a crash must never leave one without the other. */
function assertPairsComplete(engine: StorageEngine): void {
  const suffixes = (side: string): string[] =>
    [...engine.range({ start: key(`${side}/`), end: key(`${side}0`) })].map((entry) =>
      new TextDecoder().decode(entry.key).slice(2),
    );
  assert.deepEqual(suffixes('a'), suffixes('b'));
}
