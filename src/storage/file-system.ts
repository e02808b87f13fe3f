import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a directory's entries (files created, renamed or removed in it) survive a power loss. */
export function fsyncDirectory(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
