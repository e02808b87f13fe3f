/**
 * An exclusive lock on a data directory, across processes, that a killed owner cannot leave behind.
 *
 * Node has no flock without a native addon, so the lock is a file naming its owner: pid, process start
 * time and boot id (Linux), host name, and a random token. It is created atomically and complete: the
 * content goes to a private file first, which is then hard-linked to the lock name (link fails when the
 * name exists). A lock whose owner is gone (no such pid, a zombie, or a different process that reused the
 * pid, or a reboot since) is stale and taken over by one contender only: the one that creates the
 * takeover directory named after the stale lock's token (mkdir is atomic) renames the stale lock aside,
 * deletes it, and retries the link; the others wait and read the lock again. The takeover directory
 * stays, so a contender that read the stale lock late cannot move the lock that replaced it; one older
 * than an hour is removed by the next owner, and one left by a contender that died mid-takeover is moved
 * aside after five seconds.
 *
 * A lock from another host (a shared file system) cannot be checked, so it is treated as held.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fsyncDirectory } from './file-system.js';

export const lockFileName = 'dynacell.lock';

/** Contenders taking over the same stale lock settle within a few rounds; more means something is wrong. */
const acquireAttemptsMax = 10;
/** Waiting for another contender's takeover does not count as an attempt, for at most this long. */
const takeoverWaitTotalMs = 10_000;
const takeoverWaitStepMs = 5;
/** A takeover takes milliseconds: a takeover directory this old was left by a contender that died in it. */
const takeoverAbandonedMs = 5_000;
/** Takeover directories older than this are removed by the lock's next owner. */
const takeoverKeptMs = 60 * 60 * 1000;
const takeoverSuffix = '.takeover-';

export interface DataDirectoryLock {
  readonly directory: string;
  /** Removes the lock file if it is still this lock's; calling it again does nothing. */
  release(): void;
}

export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat), to detect a reused pid. */
  readonly processStartTicks: string | undefined;
  readonly bootId: string | undefined;
  readonly token: string;
}

export class DataDirectoryInUseError extends Error {
  override readonly name = 'DataDirectoryInUseError';

  constructor(
    readonly directory: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.hostname === hostname() ? '' : ` on host ${owner.hostname}`;
    const who =
      owner.pid === process.pid && where === ''
        ? 'this process'
        : `another dynacell process (pid ${owner.pid}${where})`;
    super(`data directory ${directory} is in use by ${who}`);
  }
}

export function acquireDataDirectoryLock(directory: string): DataDirectoryLock {
  const lockPath = join(directory, lockFileName);
  const owner = currentProcessOwner();
  const privatePath = `${lockPath}.${process.pid}.${owner.token}.tmp`;
  writeFileDurably(privatePath, `${JSON.stringify(owner)}\n`);
  try {
    const waitUntilMs = Date.now() + takeoverWaitTotalMs;
    for (let attempt = 0; attempt < acquireAttemptsMax; attempt++) {
      if (tryLink(privatePath, lockPath)) {
        fsyncDirectory(directory);
        removeOldTakeovers(directory);
        return new FileLock(directory, lockPath, owner.token);
      }
      const existing = readLockFile(lockPath);
      if (existing === undefined) continue; // released meanwhile
      if (isOwnerAlive(existing.owner)) throw new DataDirectoryInUseError(directory, existing.owner);
      if (!removeStaleLock(lockPath, existing, owner.token) && Date.now() < waitUntilMs) {
        sleepSync(takeoverWaitStepMs);
        attempt--;
      }
    }
    throw new Error(`could not lock data directory ${directory}: its lock file ${lockPath} kept changing`);
  } finally {
    unlinkIfPresent(privatePath);
  }
}

class FileLock implements DataDirectoryLock {
  #released = false;

  constructor(
    readonly directory: string,
    private readonly lockPath: string,
    private readonly token: string,
  ) {}

  release(): void {
    if (this.#released) return;
    this.#released = true;
    // Never delete a successor's lock (one that took over after this process was thought dead).
    if (readLockFile(this.lockPath)?.owner.token === this.token) unlinkIfPresent(this.lockPath);
  }
}

export interface LockFile {
  readonly owner: LockOwner;
  readonly inode: number;
  readonly content: string;
}

/** Takes over a stale lock if this contender is the one to; false when another contender is (or was). Exported for tests. */
export function removeStaleLock(lockPath: string, stale: LockFile, token: string): boolean {
  const takeoverPath = `${lockPath}${takeoverSuffix}${stale.owner.token}`;
  if (!claimTakeover(takeoverPath, token)) return false;
  const asidePath = `${lockPath}.${process.pid}.${token}.stale`;
  try {
    renameSync(lockPath, asidePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    throw error;
  }
  const moved = readLockFile(asidePath);
  if (moved !== undefined && moved.owner.token !== stale.owner.token) {
    // Only the claimant of this stale lock's takeover moves it, so this is a contender stalled past the
    // abandonment age: put the live lock it moved back.
    tryLink(asidePath, lockPath);
  }
  unlinkIfPresent(asidePath);
  return true;
}

/** Creates the takeover directory; moves aside one abandoned by a contender that died in its takeover. */
function claimTakeover(takeoverPath: string, token: string): boolean {
  try {
    mkdirSync(takeoverPath);
    return true;
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(takeoverPath).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  if (ageMs < takeoverAbandonedMs) return false;
  const asidePath = `${takeoverPath}.${process.pid}.${token}.abandoned`;
  try {
    renameSync(takeoverPath, asidePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  rmdirSync(asidePath);
  // The lock is read again before the takeover is claimed anew.
  return false;
}

function removeOldTakeovers(directory: string): void {
  const nowMs = Date.now();
  for (const name of readdirSync(directory)) {
    if (!name.startsWith(`${lockFileName}${takeoverSuffix}`)) continue;
    const path = join(directory, name);
    try {
      if (nowMs - statSync(path).mtimeMs >= takeoverKeptMs) rmdirSync(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

/** Blocks this thread for a few milliseconds (acquiring the lock is synchronous, at start-up). */
function sleepSync(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** The lock file at `path` as read now; exported for tests. */
export function readLockFile(path: string): LockFile | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const inode = fstatSync(descriptor).ino;
    const content = readFileSync(descriptor, 'utf8');
    return { owner: parseOwner(path, content), inode, content };
  } finally {
    closeSync(descriptor);
  }
}

function parseOwner(path: string, content: string): LockOwner {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    parsed = undefined;
  }
  const candidate = parsed as Partial<LockOwner> | undefined;
  // A pid of 0 or below would make process.kill address a process group.
  const validPid = typeof candidate?.pid === 'number' && Number.isInteger(candidate.pid) && candidate.pid > 0;
  if (!validPid || typeof candidate?.hostname !== 'string' || typeof candidate.token !== 'string') {
    throw new Error(`${path} is not a dynacell lock file; remove it if no dynacell process uses this directory`);
  }
  return {
    pid: candidate.pid as number,
    hostname: candidate.hostname,
    processStartTicks: typeof candidate.processStartTicks === 'string' ? candidate.processStartTicks : undefined,
    bootId: typeof candidate.bootId === 'string' ? candidate.bootId : undefined,
    token: candidate.token,
  };
}

export function isOwnerAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  const bootId = currentBootId();
  if (owner.bootId !== undefined && bootId !== undefined && owner.bootId !== bootId) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user; it may still be the owner.
    if (errorCode(error) === 'ESRCH') return false;
  }
  const status = processStatus(owner.pid);
  if (status === undefined) return true; // no /proc: the pid's existence is all we know
  if (status.state === 'Z' || status.state === 'X') return false; // killed, not yet reaped
  return owner.processStartTicks === undefined || owner.processStartTicks === status.startTicks;
}

function currentProcessOwner(): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    processStartTicks: processStatus(process.pid)?.startTicks,
    bootId: currentBootId(),
    token: randomBytes(8).toString('hex'),
  };
}

/** State and start time from /proc/<pid>/stat (Linux); undefined elsewhere or when the pid is gone. */
function processStatus(pid: number): { readonly state: string; readonly startTicks: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses; fields after its last ')' are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = fields[19]; // field 22, starttime
  if (state === undefined || startTicks === undefined) return undefined;
  return { state, startTicks };
}

function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

function tryLink(existingPath: string, newPath: string): boolean {
  try {
    linkSync(existingPath, newPath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

function writeFileDurably(path: string, content: string): void {
  const descriptor = openSync(path, 'wx');
  try {
    writeSync(descriptor, content);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

