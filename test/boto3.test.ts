import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EmbeddedServer } from '../src/cluster/embedded-server.js';
import { PYTHON, startTestServer } from './support/server.js';

const run = promisify(execFile);
const SUITE = new URL('../../test/conformance/test_boto3.py', import.meta.url).pathname;
const PYTEST_TIMEOUT_MS = 120_000;

/** boto3 against the server: test/conformance/test_boto3.py, run with pytest. */
describe('boto3', () => {
  let server: EmbeddedServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('passes the boto3 conformance scenarios', async () => {
    try {
      const { stdout } = await run(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', SUITE], {
        timeout: PYTEST_TIMEOUT_MS,
        env: { ...process.env, DYNACELL_ENDPOINT: server.endpoint, AWS_EC2_METADATA_DISABLED: 'true' },
      });
      assert.match(stdout, /\b\d+ passed\b/);
      assert.doesNotMatch(stdout, /\bfailed\b/);
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      assert.fail(`pytest failed:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
    }
  });
});
