import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyBindings } from '../expressions/bindings.js';
import { parseConditionExpression } from '../expressions/parse-expression.js';
import { decideStoredItemWrite } from './item-command.js';
import type { PartitionSchema } from './partition-schema.js';
import { StoredItem } from './stored-item.js';

const schema: PartitionSchema = {
  tableName: 'items',
  key: { partitionKey: { name: 'pk', type: 'S' } },
  localIndexes: [],
  globalIndexes: [],
};
const item = { pk: { S: 'a' }, n: { N: '1' } };

/** A stored item whose JSON cannot be parsed: deciding against it shows whether the decision parsed it. */
function unparseable(): StoredItem {
  return new StoredItem(new TextEncoder().encode('{not json'), 20);
}

describe('decisions against the item as stored', () => {
  it('decides a put or delete without a condition without parsing the old item', () => {
    assert.deepEqual(decideStoredItemWrite({ kind: 'put', item }, unparseable(), schema), { kind: 'put', item });
    assert.deepEqual(decideStoredItemWrite({ kind: 'delete' }, unparseable(), schema), { kind: 'delete' });
  });

  it('parses the old item for a condition, and decides as decideItemWrite does', () => {
    const condition = { condition: parseConditionExpression('attribute_exists(pk)'), bindings: emptyBindings };
    assert.throws(() => decideStoredItemWrite({ kind: 'put', item, condition }, unparseable(), schema), SyntaxError);
    const stored = new StoredItem(new TextEncoder().encode(JSON.stringify(item)), 20);
    assert.deepEqual(decideStoredItemWrite({ kind: 'put', item, condition }, stored, schema), { kind: 'put', item });
    assert.deepEqual(decideStoredItemWrite({ kind: 'put', item, condition }, undefined, schema), { kind: 'rejected', reason: { kind: 'conditionFailed' } });
  });
});
