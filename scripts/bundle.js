// Bundles the server into one file, dist/src/cli/main.bundle.js, which bin/dynacell.js loads: one module
// to load instead of about 160 (and, for a durable server, about 15 more of lmdb's). Run by `npm run build`
// after tsc, over the compiled dist/src/cli/main.js.
//
// lmdb's JavaScript and its pure-JavaScript dependencies are bundled too; its native addon stays a file
// of its own, loaded by dist/src/storage/lmdb-native-addon.js from lmdb's directory. lmdb's import of
// msgpackr (only its encoder, which the binary encoding dynacell uses never calls) is pointed at
// msgpackr's plain entry point, so loading it does not also look for msgpackr's optional native addon.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const lmdbNativeAddon = fileURLToPath(new URL('../dist/src/storage/lmdb-native-addon.js', import.meta.url));
const fromLmdb = (importer) => /[\\/]node_modules[\\/]lmdb[\\/]/.test(importer);

const lmdbBundling = {
  name: 'lmdb-bundling',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node-gyp-build-optional-packages$/ }, (args) =>
      fromLmdb(args.importer) ? { path: lmdbNativeAddon } : undefined,
    );
    esbuild.onResolve({ filter: /^msgpackr$/ }, (args) =>
      fromLmdb(args.importer)
        ? esbuild.resolve('msgpackr/pack', { kind: args.kind, resolveDir: args.resolveDir })
        : undefined,
    );
  },
};

await build({
  entryPoints: [fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/src/cli/main.bundle.js', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [lmdbBundling],
});
