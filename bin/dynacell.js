#!/usr/bin/env node
// The server and every module it needs in one file, lmdb's JavaScript included (npm run build bundles
// dist/src/cli/main.js with scripts/bundle.js): one module to load instead of about 175, which Node.js 20's
// ESM loader would resolve, read and compile one by one (see ARCHITECTURE.md, Performance).
import '../dist/src/cli/main.bundle.js';
