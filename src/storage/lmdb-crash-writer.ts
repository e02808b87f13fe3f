/**
 * Child process for the kill -9 test in lmdb-engine.test.ts: writes pairs of keys until killed, and
 * prints the number of each write once its promise has resolved (that is, once it is acknowledged).
 *
 * Usage: node lmdb-crash-writer.js <data directory>
 */
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openStorageEngine } from './open-engine.js';

/** Writes in flight at once, so acknowledgements come in groups sharing a flush, as under load. */
const callersCount = 32;
/** Values big enough that the file keeps growing and pages keep splitting while the kill may land. */
const valueBytes = 300;

export function crashTestKey(side: 'a' | 'b', writeNumber: number): Uint8Array {
  return new TextEncoder().encode(`${side}/${String(writeNumber).padStart(10, '0')}`);
}

export function crashTestValue(writeNumber: number): Uint8Array {
  return new Uint8Array(valueBytes).fill(writeNumber % 251);
}

async function main(dataDirectory: string): Promise<void> {
  const engine = await openStorageEngine({ inMemory: false, dataDirectory });
  writeSync(1, 'ready\n');
  let nextWriteNumber = 0;
  const caller = async (): Promise<void> => {
    for (;;) {
      const writeNumber = nextWriteNumber++;
      await engine.write([
        { kind: 'put', key: crashTestKey('a', writeNumber), value: crashTestValue(writeNumber) },
        { kind: 'put', key: crashTestKey('b', writeNumber), value: crashTestValue(writeNumber) },
      ]);
      // Synchronous, so nothing acknowledged sits in a buffer when the kill comes.
      writeSync(1, `${writeNumber}\n`);
    }
  };
  await Promise.all(Array.from({ length: callersCount }, caller));
}

const [, scriptPath, dataDirectory] = process.argv;
// Run only as a program: the test imports this module for the key layout.
if (scriptPath !== undefined && import.meta.url === pathToFileURL(scriptPath).href) {
  if (dataDirectory === undefined) throw new Error('usage: lmdb-crash-writer.js <data directory>');
  await main(dataDirectory);
}
