/**
 * Opens the engine a server runs on: in memory, or LMDB in the data directory under an exclusive lock,
 * so two server processes never share one directory. Closing the engine releases the lock.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataDirectoryLock } from './data-directory-lock.js';
import type { StorageEngine } from './engine.js';
import { MemoryStorageEngine } from './memory-engine.js';

export interface StorageEngineOptions {
  readonly inMemory: boolean;
  /** Ignored when `inMemory`. */
  readonly dataDirectory: string;
}

/** The LMDB files live in their own folder, leaving the data directory free for other components. */
export const storageFolderName = 'storage';

export async function openStorageEngine(options: StorageEngineOptions): Promise<StorageEngine> {
  if (options.inMemory) return new MemoryStorageEngine();
  // Loaded only here: lmdb's native module and the set-up of its modules, which an in-memory server never
  // needs. In the server bundle lmdb's JavaScript is included but runs only on this first import.
  const { openLmdbStorageEngine } = await import('./lmdb-engine.js');
  mkdirSync(options.dataDirectory, { recursive: true });
  const lock = acquireDataDirectoryLock(options.dataDirectory);
  try {
    return openLmdbStorageEngine({
      directory: join(options.dataDirectory, storageFolderName),
      onClosed: () => lock.release(),
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}
