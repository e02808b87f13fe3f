/**
 * TagResource, UntagResource and ListTagsOfResource. DynamoDB checks the request (ARN, then tags) before
 * it looks the table up, so each operation is a request check that needs no catalogue, a lookup, and an
 * apply step on the table found:
 *
 *   const { reference, tags } = checkTagResourceRequest(request, scope);
 *   const table = findTaggedTable(reference, request.ResourceArn, catalogue.get);
 *   catalogue.put(applyTags(table, tags));
 *
 * A table being deleted refuses tag writes (ResourceInUseException) and still lists its tags.
 */
import type { Tag } from './control-plane-requests.js';
import type { TableDefinition, TagEntry } from './table-definition.js';
import { parseResourceArn, resourceArnErrors, type ResourceReference } from './resource-arn.js';
import { mergedTags, tagErrors, validatedTagKeys, validatedTags } from './tag-validation.js';
import { tableErrors } from './table-errors.js';

export interface ResourceScope {
  readonly region: string;
  readonly accountId: string;
}

export interface TagResourceRequest {
  readonly ResourceArn?: string;
  readonly Tags: readonly Tag[];
}

export interface UntagResourceRequest {
  readonly ResourceArn?: string;
  readonly TagKeys: readonly string[];
}

export interface ListTagsOfResourceRequest {
  readonly ResourceArn?: string;
  /** Ignored, as DynamoDB ignores a token it does not know: a table has at most 50 tags, one page. */
  readonly NextToken?: string;
}

export function checkTagResourceRequest(request: TagResourceRequest, scope: ResourceScope): { reference: ResourceReference; tags: TagEntry[] } {
  const reference = parseResourceArn(request.ResourceArn, scope);
  if (request.Tags.length === 0) throw tagErrors.noTags();
  return { reference, tags: validatedTags(request.Tags) };
}

export function checkUntagResourceRequest(
  request: UntagResourceRequest,
  scope: ResourceScope,
): { reference: ResourceReference; tagKeys: readonly string[] } {
  const reference = parseResourceArn(request.ResourceArn, scope);
  return { reference, tagKeys: validatedTagKeys(request.TagKeys) };
}

export function checkListTagsOfResourceRequest(request: ListTagsOfResourceRequest, scope: ResourceScope): ResourceReference {
  return parseResourceArn(request.ResourceArn, scope);
}

/** The table a valid ARN names, or DynamoDB's not-found answer quoting the ARN. */
export function findTaggedTable(
  reference: ResourceReference,
  resourceArn: string,
  lookup: (tableName: string) => TableDefinition | undefined,
): TableDefinition {
  const table = reference.kind === 'table' ? lookup(reference.tableName) : undefined;
  if (table === undefined) throw resourceArnErrors.notFound(resourceArn);
  return table;
}

function checkWritable(table: TableDefinition): void {
  if (table.status === 'DELETING') throw tableErrors.tableBeingDeleted(table.tableName);
}

export function applyTags(table: TableDefinition, tags: readonly TagEntry[]): TableDefinition {
  checkWritable(table);
  return { ...table, tags: mergedTags(table.tags, tags) };
}

/** Keys the table does not have are ignored, as DynamoDB ignores them. */
export function removeTags(table: TableDefinition, tagKeys: readonly string[]): TableDefinition {
  checkWritable(table);
  const removed = new Set(tagKeys);
  return { ...table, tags: table.tags.filter((tag) => !removed.has(tag.Key)) };
}

export function listTags(table: TableDefinition): { readonly Tags: readonly TagEntry[] } {
  return { Tags: table.tags.map((tag) => ({ ...tag })) };
}
