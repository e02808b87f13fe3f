import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLmdbStorageEngine } from './lmdb-engine.js';
import { MemoryStorageEngine } from './memory-engine.js';
import { runStorageEngineContract } from './storage-engine.contract.js';

runStorageEngineContract('in-memory', async () => new MemoryStorageEngine());

runStorageEngineContract('lmdb', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'dynacell-lmdb-contract-'));
  return openLmdbStorageEngine({ directory, onClosed: () => rmSync(directory, { recursive: true, force: true }) });
});
