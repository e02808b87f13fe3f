/**
 * Child process for data-directory-lock.test.ts: tries to take the lock on a directory, prints `locked`
 * and holds it until killed, or prints `refused` and exits.
 *
 * Usage: node data-directory-lock-holder.js <directory>
 */
import { writeSync } from 'node:fs';
import { acquireDataDirectoryLock, DataDirectoryInUseError } from './data-directory-lock.js';

const directory = process.argv[2];
if (directory === undefined) throw new Error('usage: data-directory-lock-holder.js <directory>');
try {
  acquireDataDirectoryLock(directory);
  writeSync(1, 'locked\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof DataDirectoryInUseError)) throw error;
  writeSync(1, 'refused\n');
}
