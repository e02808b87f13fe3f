import {
  accepted,
  lengthAtLeast,
  lengthAtMost,
  notNull,
  runCases,
  validation,
  violation,
  violations,
  wrongTypeCases,
} from './shape-cases.test-support.js';

const invalidTableArn = validation('Invalid TableArn');
const arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/abc';

runCases('TagResource', [
  ...wrongTypeCases('ResourceArn', 'String'),
  ...wrongTypeCases('Tags', 'List'),
  ...wrongTypeCases('Tags.0', 'ValueStruct<Tag>'),
  ...wrongTypeCases('Tags.0.Key', 'String'),
  ...wrongTypeCases('Tags.0.Value', 'String'),
  { name: 'no ResourceArn comes before everything else', body: {}, expected: invalidTableArn },
  { name: 'no Tags', body: { ResourceArn: 'a:b:c:d:e:f/g' }, expected: violations(violation(null, 'tags', notNull)) },
  { name: 'empty Tags are left to the operation', body: { ResourceArn: arn, Tags: [] }, expected: accepted },
  {
    name: 'tag members',
    body: { ResourceArn: arn, Tags: [{ Key: '' }, { Key: 'k'.repeat(129), Value: 'v'.repeat(257) }] },
    expected: violations(
      violation('', 'tags.1.member.key', lengthAtLeast(1)),
      violation(null, 'tags.1.member.value', notNull),
      violation('k'.repeat(129), 'tags.2.member.key', lengthAtMost(128)),
      violation('v'.repeat(257), 'tags.2.member.value', lengthAtMost(256)),
    ),
  },
  { name: 'a valid request', body: { ResourceArn: arn, Tags: [{ Key: 'a', Value: '' }] }, expected: accepted },
]);

runCases('UntagResource', [
  ...wrongTypeCases('ResourceArn', 'String'),
  ...wrongTypeCases('TagKeys', 'List'),
  ...wrongTypeCases('TagKeys.0', 'String'),
  { name: 'types are checked before ResourceArn', body: { TagKeys: 5 }, expected: { type: 'SerializationException', message: 'Unexpected field type' } },
  { name: 'no ResourceArn', body: {}, expected: invalidTableArn },
  { name: 'no TagKeys', body: { ResourceArn: 'a:b:c:d:e:f/g' }, expected: violations(violation(null, 'tagKeys', notNull)) },
  { name: 'empty TagKeys are left to the operation', body: { ResourceArn: arn, TagKeys: [] }, expected: accepted },
]);

runCases('ListTagsOfResource', [
  ...wrongTypeCases('ResourceArn', 'String'),
  ...wrongTypeCases('NextToken', 'String'),
  { name: 'no ResourceArn', body: {}, expected: invalidTableArn },
  { name: 'an ARN of any form is left to the operation', body: { ResourceArn: 'abcd' }, expected: accepted },
]);
