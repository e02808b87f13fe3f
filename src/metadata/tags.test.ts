import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyTags,
  checkListTagsOfResourceRequest,
  checkTagResourceRequest,
  checkUntagResourceRequest,
  findTaggedTable,
  listTags,
  removeTags,
} from './tags.js';
import { parseResourceArn } from './resource-arn.js';
import { activeTable, hashTable, thrownError } from './control-plane-fixtures.js';
import { startTableDeletion } from './table-transitions.js';
import type { Tag } from './control-plane-requests.js';

const scope = { region: 'us-west-2', accountId: '123456789012' };
const arn = 'arn:aws:dynamodb:us-west-2:123456789012:table/orders';
const invalid = 'One or more parameter values were invalid: ';
const validation = (message: string) => ({ type: 'ValidationException', message });

describe('ResourceArn', () => {
  // 2026 ack-api-quirks lab catalogue, except where noted.
  const cases: [string, string | undefined, { type: string; message: string }][] = [
    ['missing (dynalite)', undefined, validation('Invalid TableArn')],
    ['empty', '', validation(`${invalid}ARNs must start with 'arn:': `)],
    ['not an ARN', 'abcd', validation(`${invalid}ARNs must start with 'arn:': abcd`)],
    ['another service', 'arn:aws:s3:::bucket', validation(`${invalid}Provided Arn is not a DynamoDB resource arn: arn:aws:s3:::bucket`)],
    [
      'a backup',
      `${arn}/backup/01234567890123-abcdefgh`,
      validation(`${invalid}Provided Arn is not a DynamoDB resource arn: ${arn}/backup/01234567890123-abcdefgh`),
    ],
    [
      'an index',
      `${arn}/index/by-date`,
      validation(`${invalid}Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arn}/index/by-date`),
    ],
    [
      'another region',
      'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      validation('Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:123456789012:table/orders'),
    ],
    [
      'a table name DynamoDB never accepts (dynalite)',
      'arn:aws:dynamodb:us-west-2:123456789012:table/ab',
      validation('Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-west-2:123456789012:table/ab'),
    ],
    [
      'not a table',
      'arn:aws:dynamodb:us-west-2:123456789012:global-table/orders',
      validation('Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-west-2:123456789012:global-table/orders'),
    ],
    [
      'another account (inferred)',
      'arn:aws:dynamodb:us-west-2:999999999999:table/orders',
      { type: 'ResourceNotFoundException', message: 'Requested resource not found: ResourceArn: arn:aws:dynamodb:us-west-2:999999999999:table/orders not found' },
    ],
  ];
  for (const [name, resourceArn, expected] of cases) {
    it(`answers ${name}`, () => {
      assert.deepEqual(thrownError(() => parseResourceArn(resourceArn, scope)), expected);
    });
  }

  it('accepts table and stream ARNs', () => {
    assert.deepEqual(parseResourceArn(arn, scope), { kind: 'table', tableName: 'orders' });
    assert.deepEqual(parseResourceArn(`${arn}/stream/2026-10-08T23:07:31.275`, scope), { kind: 'stream', tableName: 'orders' });
  });
});

describe('tag validation (lab)', () => {
  const longKey = 'k'.repeat(129);
  const longValue = 'v'.repeat(257);
  const cases: [string, readonly Tag[], string][] = [
    ['no tags', [], 'Atleast one Tag needs to be provided as Input.'],
    ['the aws: prefix', [{ Key: 'aws:foo', Value: 'x' }], 'Tag Key cannot be prefixed with aws:, Key: aws:foo'],
    ['the AWS: prefix', [{ Key: 'AWS:foo', Value: 'x' }], 'Tag Key cannot be prefixed with aws:, Key: AWS:foo'],
    ['a 129-character key', [{ Key: longKey, Value: 'x' }], `The Tag Key provided is invalid, Key: ${longKey}`],
    ['an empty key', [{ Key: '', Value: 'x' }], 'The Tag Key provided is invalid, Key: '],
    ['no key', [{ Value: 'x' }], 'The Tag Key provided is invalid, Key: null'],
    ['a 257-character value', [{ Key: 'k', Value: longValue }], `The Tag Value provided is invalid, Value: ${longValue}`],
    ['no value', [{ Key: 'k' }], 'The Tag Value provided is invalid, Value: null'],
    ['# in a key', [{ Key: 'bad#char', Value: 'x' }], 'The Tag Key provided is invalid, Key: bad#char'],
    ['# in a value', [{ Key: 'k', Value: 'bad#char' }], 'The Tag Value provided is invalid, Value: bad#char'],
    ['a comma', [{ Key: 'k', Value: 'a,b' }], 'The Tag Value provided is invalid, Value: a,b'],
    ['an emoji', [{ Key: 'k', Value: '🔑' }], 'The Tag Value provided is invalid, Value: 🔑'],
    ['a duplicate key', [{ Key: 'dup', Value: '1' }, { Key: 'dup', Value: '2' }], 'Duplicate Tag Keys provided as input: Duplicate Tag Key found dup'],
    ['a good tag beside a bad one', [{ Key: 'good', Value: 'x' }, { Key: 'aws:zzz', Value: 'x' }], 'Tag Key cannot be prefixed with aws:, Key: aws:zzz'],
    ['fifty-one tags', Array.from({ length: 51 }, (_, index) => ({ Key: `k${index}`, Value: 'v' })), 'Number of Tags exceed the current limit for the provided ResourceArn'],
  ];
  for (const [name, tags, message] of cases) {
    it(`refuses ${name}`, () => {
      assert.deepEqual(thrownError(() => checkTagResourceRequest({ ResourceArn: arn, Tags: tags }, scope)), validation(message));
    });
  }

  it('accepts letters of any script, spaces, + - = . _ : / @, empty values and 128/256 characters', () => {
    const tags = [
      { Key: 'ключ', Value: 'café 表' },
      { Key: 'sp ace', Value: 'a+b-c=d.e_f:g/h@i' },
      { Key: 'Env', Value: '' },
      { Key: 'k'.repeat(128), Value: 'v'.repeat(256) },
      { Key: 'myaws:foo', Value: 'x' },
    ];
    assert.deepEqual(checkTagResourceRequest({ ResourceArn: arn, Tags: tags }, scope).tags, tags);
  });

  it('checks UntagResource keys', () => {
    assert.deepEqual(thrownError(() => checkUntagResourceRequest({ ResourceArn: arn, TagKeys: [] }, scope)), validation('Atleast one Tag Key needs to be provided as Input.'));
    assert.deepEqual(thrownError(() => checkUntagResourceRequest({ ResourceArn: arn, TagKeys: ['aws:foo'] }, scope)), validation('Tag Key cannot be prefixed with aws:, Key: aws:foo'));
    assert.deepEqual(thrownError(() => checkUntagResourceRequest({ ResourceArn: arn, TagKeys: [''] }, scope)), validation('The Tag Key provided is invalid, Key: '));
    assert.deepEqual(
      thrownError(() => checkUntagResourceRequest({ ResourceArn: arn, TagKeys: Array.from({ length: 51 }, (_, index) => `k${index}`) }, scope)),
      validation('Number of Tags exceed the current limit for the provided ResourceArn'),
    );
  });

  it('judges the ARN before the tags', () => {
    assert.deepEqual(thrownError(() => checkTagResourceRequest({ Tags: [] }, scope)), validation('Invalid TableArn'));
  });
});

describe('tagging a table', () => {
  const table = activeTable(hashTable);
  const lookup = (name: string) => (name === 'orders' ? table : undefined);

  it('finds the table an ARN names, or quotes the ARN', () => {
    assert.equal(findTaggedTable(checkListTagsOfResourceRequest({ ResourceArn: arn }, scope), arn, lookup), table);
    const missing = 'arn:aws:dynamodb:us-west-2:123456789012:table/missing';
    assert.deepEqual(thrownError(() => findTaggedTable(parseResourceArn(missing, scope), missing, lookup)), {
      type: 'ResourceNotFoundException',
      message: `Requested resource not found: ResourceArn: ${missing} not found`,
    });
  });

  it('upserts in place, appends new keys and ignores absent keys on untag', () => {
    let tagged = applyTags(table, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
    tagged = applyTags(tagged, [{ Key: 'a', Value: '3' }, { Key: 'c', Value: '4' }]);
    assert.deepEqual(listTags(tagged), { Tags: [{ Key: 'a', Value: '3' }, { Key: 'b', Value: '2' }, { Key: 'c', Value: '4' }] });
    assert.deepEqual(listTags(removeTags(tagged, ['b', 'never-set'])).Tags.map((tag) => tag.Key), ['a', 'c']);
  });

  it('counts existing tags toward the 50-tag limit', () => {
    const full = applyTags(table, Array.from({ length: 50 }, (_, index) => ({ Key: `k${index}`, Value: 'v' })));
    assert.deepEqual(thrownError(() => applyTags(full, [{ Key: 'one-more', Value: 'v' }])), validation('Number of Tags exceed the current limit for the provided ResourceArn'));
    assert.equal(thrownError(() => applyTags(full, [{ Key: 'k0', Value: 'changed' }])), 'nothing thrown');
  });

  it('refuses tag writes on a table being deleted and still lists its tags (lab)', () => {
    const deleting = startTableDeletion(applyTags(table, [{ Key: 'a', Value: '1' }]));
    const beingDeleted = { type: 'ResourceInUseException', message: 'Attempt to change a resource which is still in use: Table is being deleted: orders' };
    assert.deepEqual(thrownError(() => applyTags(deleting, [{ Key: 'b', Value: '2' }])), beingDeleted);
    assert.deepEqual(thrownError(() => removeTags(deleting, ['a'])), beingDeleted);
    assert.deepEqual(listTags(deleting).Tags, [{ Key: 'a', Value: '1' }]);
  });
});
