import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { acquireDataDirectoryLock, DataDirectoryInUseError, lockFileName, readLockFile, removeStaleLock, type LockOwner } from './data-directory-lock.js';

const temporaryDirectories: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'dynacell-lock-test-'));
  temporaryDirectories.push(directory);
  return directory;
}

function writeLockFile(directory: string, owner: Partial<LockOwner>): void {
  const current = JSON.parse(readOwnLockTemplate()) as LockOwner;
  writeFileSync(join(directory, lockFileName), JSON.stringify({ ...current, token: 'planted', ...owner }));
}

/** A lock file as this process writes it, to plant variations of. */
function readOwnLockTemplate(): string {
  const directory = temporaryDirectory();
  const lock = acquireDataDirectoryLock(directory);
  const content = readFileSync(join(directory, lockFileName), 'utf8');
  lock.release();
  return content;
}

/** Starts a holder process and resolves with it and its first line: `locked` or `refused`. */
function startHolder(directory: string): Promise<{ child: ChildProcess; line: string }> {
  const holderPath = fileURLToPath(new URL('./data-directory-lock-holder.js', import.meta.url));
  const child = spawn(process.execPath, [holderPath, directory], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('\n')) resolve({ child, line: output.trim() });
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code} before answering`)));
  });
}

function killAndReap(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('close', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  assert.ok(child.pid !== undefined);
  return child.pid;
}

test('a second lock in the same process is refused; release frees the directory', () => {
  const directory = temporaryDirectory();
  const lock = acquireDataDirectoryLock(directory);
  assert.throws(
    () => acquireDataDirectoryLock(directory),
    (error: unknown) => error instanceof DataDirectoryInUseError && /in use by this process/.test(error.message),
  );
  lock.release();
  lock.release();
  assert.equal(existsSync(join(directory, lockFileName)), false);
  acquireDataDirectoryLock(directory).release();
});

test('a lock held by another process is refused, naming its pid; once it is killed the lock is taken over', async () => {
  const directory = temporaryDirectory();
  const holder = await startHolder(directory);
  assert.equal(holder.line, 'locked');
  assert.throws(
    () => acquireDataDirectoryLock(directory),
    new RegExp(`^DataDirectoryInUseError: data directory ${directory} is in use by another dynacell process \\(pid ${holder.child.pid}\\)$`),
  );
  await killAndReap(holder.child);
  acquireDataDirectoryLock(directory).release();
});

test('a lock left by a dead process is taken over', async () => {
  const directory = temporaryDirectory();
  writeLockFile(directory, { pid: await deadPid() });
  acquireDataDirectoryLock(directory).release();
});

test('a lock whose pid now belongs to another process, or from before a reboot, is taken over', () => {
  const directory = temporaryDirectory();
  writeLockFile(directory, { pid: process.ppid, processStartTicks: '1' });
  acquireDataDirectoryLock(directory).release();
  writeLockFile(directory, { pid: process.ppid, bootId: 'another-boot' });
  acquireDataDirectoryLock(directory).release();
});

test('a lock from another host is refused, since it cannot be checked', () => {
  const directory = temporaryDirectory();
  writeLockFile(directory, { pid: 1, hostname: `not-${hostname()}` });
  assert.throws(() => acquireDataDirectoryLock(directory), /\(pid 1 on host not-/);
});

test('a file that is not a lock is reported, not overwritten', () => {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, lockFileName), 'garbage');
  assert.throws(() => acquireDataDirectoryLock(directory), /is not a dynacell lock file/);
  assert.equal(readFileSync(join(directory, lockFileName), 'utf8'), 'garbage');
});

test('of several processes racing to take over a stale lock, exactly one wins', async () => {
  for (let round = 0; round < 3; round++) {
    const directory = temporaryDirectory();
    writeLockFile(directory, { pid: await deadPid() });
    const holders = await Promise.all(Array.from({ length: 6 }, () => startHolder(directory)));
    const lines = holders.map((holder) => holder.line).sort();
    assert.deepEqual(lines, ['locked', 'refused', 'refused', 'refused', 'refused', 'refused']);
    await Promise.all(holders.filter((holder) => holder.line === 'locked').map((holder) => killAndReap(holder.child)));
  }
});

test('a contender that read a stale lock late cannot move the lock that replaced it', async () => {
  const directory = temporaryDirectory();
  writeLockFile(directory, { pid: await deadPid(), token: 'stale-owner' });
  const lockPath = join(directory, lockFileName);
  const staleRead = readLockFile(lockPath);
  assert.ok(staleRead !== undefined);
  const lock = acquireDataDirectoryLock(directory);
  const live = readLockFile(lockPath);
  assert.equal(removeStaleLock(lockPath, staleRead, 'late-contender'), false, 'the takeover of that stale lock was claimed already');
  assert.deepEqual(readLockFile(lockPath), live, 'the live lock is untouched');
  lock.release();
});

test('a takeover abandoned by a contender that died in it is moved aside after a while', async () => {
  const directory = temporaryDirectory();
  writeLockFile(directory, { pid: await deadPid(), token: 'stale-owner' });
  const takeover = join(directory, `${lockFileName}.takeover-stale-owner`);
  mkdirSync(takeover);
  const aged = new Date(Date.now() - 60_000);
  utimesSync(takeover, aged, aged);
  acquireDataDirectoryLock(directory).release();
  assert.deepEqual(readdirSync(directory).filter((name) => name.includes('takeover')), [`${lockFileName}.takeover-stale-owner`], 'claimed anew, and kept');
});
