/**
 * lmdb's native addon for the server bundle. `npm run build` bundles lmdb's JavaScript into
 * dist/src/cli/main.bundle.js (scripts/bundle.js), but lmdb finds its addon from the directory of its own
 * module file, which in the bundle is dist/src/cli. The bundle therefore imports this module in place of
 * lmdb's loader (node-gyp-build-optional-packages), which runs that same loader from lmdb's directory.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type NativeAddonLoader = (packageDirectory: string) => unknown;

/** lmdb's package directory, as Node resolves `lmdb` from here (its entry point is `<directory>/dist/index.cjs`). */
export function lmdbPackageDirectory(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('lmdb')));
}

/** Same signature as node-gyp-build-optional-packages; the directory lmdb passes is ignored. */
export default function loadLmdbNativeAddon(_directoryOfCaller?: string): unknown {
  const directory = lmdbPackageDirectory();
  const loadNativeAddon = createRequire(join(directory, 'package.json'))('node-gyp-build-optional-packages') as NativeAddonLoader;
  return loadNativeAddon(directory);
}
