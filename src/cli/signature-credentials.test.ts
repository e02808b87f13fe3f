import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadSigningCredentials, parseCredentialsText } from './signature-credentials.js';

describe('signature credentials', () => {
  it('reads one JSON object or an array of them', () => {
    assert.deepEqual(parseCredentialsText('{"accessKeyId":"a","secretAccessKey":"s"}'), {
      ok: true,
      credentials: [{ accessKeyId: 'a', secretAccessKey: 's' }],
    });
    assert.deepEqual(
      parseCredentialsText('[{"accessKeyId":"a","secretAccessKey":"s"},{"accessKeyId":"b","secretAccessKey":"t","sessionToken":"u"}]'),
      { ok: true, credentials: [{ accessKeyId: 'a', secretAccessKey: 's' }, { accessKeyId: 'b', secretAccessKey: 't', sessionToken: 'u' }] },
    );
  });

  it('reads every complete profile of an AWS credentials file', () => {
    const text = [
      '# comment',
      '[default]',
      'aws_access_key_id = a',
      'aws_secret_access_key=s',
      '',
      '[incomplete]',
      'aws_access_key_id = x',
      '[temporary]',
      'AWS_ACCESS_KEY_ID = b',
      'aws_secret_access_key = t',
      'aws_session_token = u',
    ].join('\n');
    assert.deepEqual(parseCredentialsText(text), {
      ok: true,
      credentials: [{ accessKeyId: 'a', secretAccessKey: 's' }, { accessKeyId: 'b', secretAccessKey: 't', sessionToken: 'u' }],
    });
  });

  it('explains what is wrong without quoting a secret', () => {
    for (const [text, message] of [
      ['{"accessKeyId":"a","secretAccessKey":top-secret}', 'is not valid JSON'],
      ['[{"accessKeyId":"a"}]', 'entry 0 needs a non-empty accessKeyId and secretAccessKey'],
      ['aws_secret_access_key = top-secret', 'line 1 is neither a [profile] nor a key = value line'],
      ['[default]\naws_access_key_id = a', 'holds no access key with its secret access key'],
      ['[]', 'holds no access key with its secret access key'],
    ] as const) {
      assert.deepEqual(parseCredentialsText(text), { ok: false, message });
    }
  });

  it('falls back to the environment when no file is given', () => {
    assert.deepEqual(loadSigningCredentials(undefined, { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 'u' }), {
      ok: true,
      credentials: [{ accessKeyId: 'a', secretAccessKey: 's', sessionToken: 'u' }],
    });
    assert.equal(loadSigningCredentials(undefined, { AWS_ACCESS_KEY_ID: 'a' }).ok, false);
  });
});
