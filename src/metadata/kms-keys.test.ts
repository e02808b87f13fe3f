import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awsManagedKeyArn, resolveKmsKeyArn, stableKeyId } from './kms-keys.js';

describe('KMS key identities', () => {
  it('gives each account and region one stable AWS managed key', () => {
    const key = awsManagedKeyArn('us-west-2', '123456789012');
    assert.match(key, /^arn:aws:kms:us-west-2:123456789012:key\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(awsManagedKeyArn('us-west-2', '123456789012'), key);
    assert.notEqual(awsManagedKeyArn('us-east-1', '123456789012'), key);
    assert.equal(resolveKmsKeyArn('alias/aws/dynamodb', 'us-west-2', '123456789012'), key);
  });

  it('resolves key ids, key ARNs and aliases', () => {
    assert.equal(resolveKmsKeyArn('1234abcd-12ab-34cd-56ef-1234567890ab', 'eu-west-1', '111122223333'), 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    assert.equal(resolveKmsKeyArn('arn:aws:kms:eu-west-1:111122223333:key/k', 'us-east-1', '111122223333'), 'arn:aws:kms:eu-west-1:111122223333:key/k');
    assert.equal(
      resolveKmsKeyArn('arn:aws:kms:eu-west-1:111122223333:alias/mine', 'eu-west-1', '111122223333'),
      resolveKmsKeyArn('alias/mine', 'eu-west-1', '111122223333'),
    );
    assert.equal(stableKeyId('a'), stableKeyId('a'));
    assert.notEqual(stableKeyId('a'), stableKeyId('b'));
  });
});
