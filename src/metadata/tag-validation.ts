/**
 * Tag rules of TagResource, UntagResource and CreateTable's Tags, with DynamoDB's messages (its
 * "Atleast" spelling included). Validation is all-or-nothing: one bad tag rejects the whole request.
 *
 * Keys are 1–128 characters and values 0–256, counted in Unicode characters, made of letters and digits
 * of any script, white space and + - = . _ : / @ (the AWS tag pattern); a key must not start with "aws:"
 * in any letter case. At most 50 tags per resource.
 */
import { validationError, type DynamoDbError } from '../lib/errors.js';
import { limits } from '../lib/limits.js';
import type { Tag } from './control-plane-requests.js';
import type { TagEntry } from './table-definition.js';
import { controlPlaneLimits } from './control-plane-limits.js';

export const tagErrors = {
  noTags: () => validationError('Atleast one Tag needs to be provided as Input.'),
  noTagKeys: () => validationError('Atleast one Tag Key needs to be provided as Input.'),
  invalidKey: (key: string | undefined) => validationError(`The Tag Key provided is invalid, Key: ${key ?? 'null'}`),
  invalidValue: (value: string | undefined) => validationError(`The Tag Value provided is invalid, Value: ${value ?? 'null'}`),
  reservedPrefix: (key: string) => validationError(`Tag Key cannot be prefixed with aws:, Key: ${key}`),
  duplicateKey: (key: string) => validationError(`Duplicate Tag Keys provided as input: Duplicate Tag Key found ${key}`),
  tooManyTags: () => validationError('Number of Tags exceed the current limit for the provided ResourceArn'),
} as const satisfies Record<string, (...parameters: never[]) => DynamoDbError>;

const tagCharacters = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function characterCount(text: string): number {
  return [...text].length;
}

function checkKey(key: string | undefined): asserts key is string {
  if (key === undefined) throw tagErrors.invalidKey(key);
  if (key.toLowerCase().startsWith('aws:')) throw tagErrors.reservedPrefix(key);
  const length = characterCount(key);
  if (length < limits.tagKeyLengthMin || length > limits.tagKeyLengthMax || !tagCharacters.test(key)) {
    throw tagErrors.invalidKey(key);
  }
}

function checkValue(value: string | undefined): asserts value is string {
  if (value === undefined) throw tagErrors.invalidValue(value);
  const length = characterCount(value);
  if (length < controlPlaneLimits.tagValueLengthMin || length > limits.tagValueLengthMax || !tagCharacters.test(value)) {
    throw tagErrors.invalidValue(value);
  }
}

/** A valid, duplicate-free tag list (possibly empty: CreateTable accepts `Tags: []`). */
export function validatedTags(tags: readonly Tag[]): TagEntry[] {
  const seen = new Set<string>();
  const result: TagEntry[] = [];
  for (const tag of tags) {
    checkKey(tag.Key);
    checkValue(tag.Value);
    if (seen.has(tag.Key)) throw tagErrors.duplicateKey(tag.Key);
    seen.add(tag.Key);
    result.push({ Key: tag.Key, Value: tag.Value });
  }
  if (result.length > limits.tagsPerResourceMax) throw tagErrors.tooManyTags();
  return result;
}

export function validatedTagKeys(tagKeys: readonly string[]): readonly string[] {
  if (tagKeys.length === 0) throw tagErrors.noTagKeys();
  for (const key of tagKeys) checkKey(key);
  if (tagKeys.length > limits.tagsPerResourceMax) throw tagErrors.tooManyTags();
  return tagKeys;
}

/** Tags after an upsert: existing keys take the new value in place, new keys follow in request order. */
export function mergedTags(current: readonly TagEntry[], added: readonly TagEntry[]): TagEntry[] {
  const byKey = new Map<string, TagEntry>(current.map((tag) => [tag.Key, tag]));
  for (const tag of added) byKey.set(tag.Key, tag);
  const merged = [...byKey.values()];
  if (merged.length > limits.tagsPerResourceMax) throw tagErrors.tooManyTags();
  return merged;
}
