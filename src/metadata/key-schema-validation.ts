/**
 * Key schema, attribute definition and projection rules shared by CreateTable and UpdateTable's GSI
 * Create, in DynamoDB's order (recorded from DynamoDB by dynalite's tests and the 2026 ack-api-quirks lab):
 * missing definitions, then the same name twice, then HASH first, then RANGE second.
 *
 * Attribute lists in messages follow the request's order; DynamoDB prints them in an unspecified (hash
 * set) order, so clients cannot rely on it either way.
 */
import type { AttributeDefinition, KeySchemaElement, Projection } from './control-plane-requests.js';
import { tableErrors } from './table-errors.js';

export function attributeNames(elements: readonly { readonly AttributeName: string }[]): string[] {
  return elements.map((element) => element.AttributeName);
}

export function checkDefinitionsUnique(definitions: readonly AttributeDefinition[]): void {
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.AttributeName)) throw tableErrors.attributeNameDuplicated(definition.AttributeName);
    seen.add(definition.AttributeName);
  }
}

/**
 * The table's own key schema. DynamoDB words a missing definition differently for one- and two-element
 * schemas, and treats an empty definition list (or a repeated key with a single definition) as a schema
 * whose attributes have no definition at all.
 */
export function checkTableKeySchema(keySchema: readonly KeySchemaElement[], definitions: readonly AttributeDefinition[], hasIndexes: boolean): void {
  const keys = attributeNames(keySchema);
  const defined = attributeNames(definitions);
  const undefinedKey = keys.some((key) => !defined.includes(key));
  if (defined.length === 0) throw tableErrors.keyAttributeWithoutDefinition();
  if (keys.length === 2 && (undefinedKey || (keys[0] === keys[1] && defined.length === 1))) {
    throw tableErrors.keyAttributeWithoutDefinition();
  }
  if (keys.length === 1 && undefinedKey) throw tableErrors.keysNotDefined(keys, defined);
  checkKeySchemaShape(keySchema);
  if (!hasIndexes && keys.length !== defined.length) throw tableErrors.definitionCountMismatch();
}

/** Same name twice, HASH first, RANGE second: for tables and indexes alike. */
export function checkKeySchemaShape(keySchema: readonly KeySchemaElement[]): void {
  const [first, second] = keySchema;
  if (second !== undefined && first?.AttributeName === second.AttributeName) throw tableErrors.hashAndRangeSameName();
  if (first?.KeyType !== 'HASH') throw tableErrors.firstElementNotHash();
  if (second !== undefined && second.KeyType !== 'RANGE') throw tableErrors.secondElementNotRange();
}

export function checkIndexKeysDefined(keySchema: readonly KeySchemaElement[], definedNames: readonly string[]): void {
  const keys = attributeNames(keySchema);
  if (keys.some((key) => !definedNames.includes(key))) throw tableErrors.keysNotDefined(keys, definedNames);
}

export function checkProjection(projection: Projection): void {
  const type = projection.ProjectionType;
  if (type === undefined) throw tableErrors.unknownProjectionType();
  const nonKeyAttributes = projection.NonKeyAttributes;
  if (type !== 'INCLUDE') {
    if (nonKeyAttributes !== undefined) throw tableErrors.nonKeyAttributesNotAllowed(type);
    return;
  }
  if (nonKeyAttributes === undefined) throw tableErrors.nonKeyAttributesMissing();
  const seen = new Set<string>();
  for (const name of nonKeyAttributes) {
    if (seen.has(name)) throw tableErrors.duplicateNonKeyAttribute(name);
    seen.add(name);
  }
}

/** Projected non-key attributes count once per index that names them (DynamoDB's 100-per-table rule). */
export function projectedAttributeCount(projections: readonly Projection[]): number {
  return projections.reduce((count, projection) => count + (projection.NonKeyAttributes?.length ?? 0), 0);
}
