/**
 * lmdb's native addon for the server bundle. `npm run build` bundles lmdb's JavaScript into
 * dist/src/cli/main.bundle.js (scripts/bundle.js), but lmdb finds its addon from the directory of its own
 * module file, which in the bundle is dist/src/cli. The bundle therefore imports this module in place of
 * lmdb's loader (node-gyp-build-optional-packages) and finds the addon from lmdb's directory.
 *
 * The usual case, glibc Linux with lmdb's prebuilt addon package installed, is found directly: the
 * loader itself finds the same file, but first loads a libc detector that loads `child_process`, which
 * costs a durable start about 40–60 ms. Anything else goes to the loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type NativeAddonLoader = ((packageDirectory: string) => unknown) & { path(packageDirectory: string): string };

/** lmdb's package directory, as Node resolves `lmdb` from here (its entry point is `<directory>/dist/index.cjs`). */
export function lmdbPackageDirectory(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('lmdb')));
}

/** node-gyp-build-optional-packages, as lmdb resolves it. */
export function lmdbAddonLoader(directory: string): NativeAddonLoader {
  return createRequire(join(directory, 'package.json'))('node-gyp-build-optional-packages') as NativeAddonLoader;
}

/**
 * The file the loader would choose, when that is lmdb's prebuilt addon for this Node.js ABI on glibc
 * Linux; undefined when the loader would look elsewhere first (a build from source, a prebuilds folder,
 * an override by environment variable) or the case is not that one.
 */
export function prebuiltAddonPath(directory: string): string | undefined {
  if (process.platform !== 'linux' || process.env['LMDB_PREBUILD'] !== undefined || process.env['PREBUILDS_ONLY'] !== undefined) {
    return undefined;
  }
  const searchedFirst = [join(directory, 'build'), join(directory, 'prebuilds'), join(dirname(process.execPath), 'prebuilds')];
  if (searchedFirst.some((path) => existsSync(path))) return undefined;
  // glibc's C library is mapped into every glibc process; musl has its own file name.
  if (!readFileSync('/proc/self/maps', 'utf8').includes('/libc.so.6')) return undefined;
  let platformPackageDirectory: string;
  try {
    const platformPackage = `@lmdb/lmdb-${process.platform}-${process.arch}/package.json`;
    platformPackageDirectory = dirname(createRequire(join(directory, 'package.json')).resolve(platformPackage));
  } catch {
    return undefined;
  }
  const file = join(platformPackageDirectory, `node.abi${process.versions.modules}.glibc.node`);
  return existsSync(file) ? file : undefined;
}

/** Same signature as node-gyp-build-optional-packages; the directory lmdb passes is ignored. */
export default function loadLmdbNativeAddon(_directoryOfCaller?: string): unknown {
  const directory = lmdbPackageDirectory();
  const prebuilt = prebuiltAddonPath(directory);
  if (prebuilt !== undefined) return createRequire(import.meta.url)(prebuilt);
  return lmdbAddonLoader(directory)(directory);
}
