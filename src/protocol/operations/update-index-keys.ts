/**
 * What DynamoDB checks of an UpdateExpression against the table's indexes before it reads the item: an
 * action whose result type the request alone decides (a value, arithmetic, list_append, ADD of a value)
 * must give an index key attribute its declared type, and then no path may reach inside a key attribute.
 * Types that depend on the item (`SET c = e`) are checked at the partition once the item is known.
 */
import type { DocumentPath, SetValue, UpdateExpression } from '../../expressions/ast.js';
import type { Bindings } from '../../expressions/bindings.js';
import { resolvePath } from '../../expressions/document-path.js';
import { invalidParameter } from '../../lib/errors.js';
import type { AttributeType } from '../../model/attribute-value.js';
import { attributeTypeOf, keyAttributes, type KeySchema, type SecondaryIndexKeySchema } from '../../model/key-schema.js';
import { checkKeyPaths } from './read-expressions.js';

export function checkUpdateAgainstIndexes(
  update: UpdateExpression,
  bindings: Bindings,
  tableKey: KeySchema,
  indexes: readonly SecondaryIndexKeySchema[],
): void {
  checkIndexKeyTypes(update, bindings, indexes);
  const paths = update.actions.flatMap((action) => [action.path, ...(action.kind === 'set' ? valuePaths(action.value) : [])]);
  checkKeyPaths(
    undefined,
    { kind: 'projection', paths },
    bindings,
    tableKey,
    indexes.map((index) => index.keySchema),
  );
}

/** Indexes by name, as the item-level check reports them, so both name the same index. */
function checkIndexKeyTypes(update: UpdateExpression, bindings: Bindings, indexes: readonly SecondaryIndexKeySchema[]): void {
  if (indexes.length === 0) return;
  const resultTypes = new Map<string, AttributeType>();
  for (const action of update.actions) {
    const resolved = resolvePath(action.path, bindings);
    const [head] = resolved;
    if (resolved.length !== 1 || typeof head !== 'string') continue;
    const type = action.kind === 'set' ? setValueType(action.value, bindings) : action.kind === 'add' ? valueType(action.value, bindings) : undefined;
    if (type !== undefined) resultTypes.set(head, type);
  }
  const byName = [...indexes].sort((left, right) => (left.indexName < right.indexName ? -1 : left.indexName > right.indexName ? 1 : 0));
  for (const index of byName) {
    for (const attribute of keyAttributes(index.keySchema)) {
      const actual = resultTypes.get(attribute.name);
      if (actual !== undefined && actual !== attribute.type) {
        throw invalidParameter(
          `Type mismatch for Index Key ${attribute.name} Expected: ${attribute.type} Actual: ${actual} IndexName: ${index.indexName}`,
        );
      }
    }
  }
}

function setValueType(value: SetValue, bindings: Bindings): AttributeType | undefined {
  if (value.kind === 'plus' || value.kind === 'minus') return 'N';
  if (value.kind === 'listAppend') return 'L';
  if (value.kind === 'ifNotExists') return undefined;
  return valueType(value, bindings);
}

function valueType(value: SetValue, bindings: Bindings): AttributeType | undefined {
  if (value.kind === 'literal') return attributeTypeOf(value.value);
  if (value.kind !== 'valueReference') return undefined;
  const bound = bindings.values[value.placeholder];
  return bound === undefined ? undefined : attributeTypeOf(bound);
}

/** Every document path a SET value reads. */
function valuePaths(value: SetValue): DocumentPath[] {
  switch (value.kind) {
    case 'path':
      return [value];
    case 'size':
    case 'ifNotExists':
      return [value.path, ...(value.kind === 'ifNotExists' ? valuePaths(value.fallback) : [])];
    case 'plus':
    case 'minus':
      return [...valuePaths(value.left), ...valuePaths(value.right)];
    case 'listAppend':
      return [...valuePaths(value.first), ...valuePaths(value.second)];
    case 'valueReference':
    case 'literal':
      return [];
  }
}
