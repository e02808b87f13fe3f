/** Request shapes of the tag operations, which refuse a missing ResourceArn before anything else. */
import { limits } from '../../lib/limits.js';
import { tags } from './common-shapes.js';
import { operationShape } from './operation.js';
import { resourceArnIsGiven } from './preconditions.js';
import type { ListTagsOfResourceRequest, TagResourceRequest, UntagResourceRequest } from './request-types.js';
import { list, required, string } from './shape.js';

export const tagResource = operationShape<TagResourceRequest>(
  'TagResource',
  { ResourceArn: required(string()), Tags: required(tags()) },
  [resourceArnIsGiven],
);

export const untagResource = operationShape<UntagResourceRequest>(
  'UntagResource',
  {
    ResourceArn: required(string()),
    TagKeys: required(list(string({ lengthMin: limits.tagKeyLengthMin, lengthMax: limits.tagKeyLengthMax }))),
  },
  [resourceArnIsGiven],
);

export const listTagsOfResource = operationShape<ListTagsOfResourceRequest>(
  'ListTagsOfResource',
  { ResourceArn: required(string()), NextToken: string() },
  [resourceArnIsGiven],
);
