import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as lmdb from 'lmdb';
import loadLmdbNativeAddon, { lmdbAddonLoader, lmdbPackageDirectory, prebuiltAddonPath } from './lmdb-native-addon.js';

/** lmdb exports its addon from its Node.js entry point; its type declarations leave it out. */
const { nativeAddon } = lmdb as unknown as { nativeAddon: unknown };

test('the bundle loader finds the very addon lmdb loads, whatever directory it is given', () => {
  assert.equal(loadLmdbNativeAddon('/a/directory/without/lmdb'), nativeAddon);
});

test("the prebuilt addon found directly is the file lmdb's loader chooses", () => {
  const directory = lmdbPackageDirectory();
  const prebuilt = prebuiltAddonPath(directory);
  const report = process.report.getReport() as { header: { glibcVersionRuntime?: string } };
  const glibcLinuxX64 = process.platform === 'linux' && process.arch === 'x64' && report.header.glibcVersionRuntime !== undefined;
  if (glibcLinuxX64) assert.ok(prebuilt !== undefined, 'the direct path covers glibc Linux on x64');
  if (prebuilt !== undefined) assert.equal(prebuilt, lmdbAddonLoader(directory).path(directory));
});

test("lmdb's package directory is the one Node resolves lmdb in", () => {
  const packageJson = JSON.parse(readFileSync(`${lmdbPackageDirectory()}/package.json`, 'utf8')) as { name: string };
  assert.equal(packageJson.name, 'lmdb');
});

test('the server bundle includes lmdb instead of importing it at run time', () => {
  const bundle = readFileSync(new URL('../cli/main.bundle.js', import.meta.url), 'utf8');
  assert.doesNotMatch(bundle, /from\s*["']lmdb["']|import\(["']lmdb["']\)/);
  assert.match(bundle, /lmdb-native-addon/);
});
