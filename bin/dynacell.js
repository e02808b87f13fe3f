#!/usr/bin/env node
// The server and every module it needs in one file (npm run build bundles dist/src/cli/main.js): one module
// to load instead of about 160 cuts start-up by about 100 ms.
import '../dist/src/cli/main.bundle.js';
