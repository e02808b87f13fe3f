/**
 * Whatever JSON a client sends, the shape layer answers with a DynamoDbError (Serialization or Validation)
 * or accepts: it never fails in any other way. Bodies come both from arbitrary JSON and from generators
 * that follow each operation's shape, so deep members are reached with values both right and wrong.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DynamoDbError } from '../../lib/errors.js';
import { type OperationName, requestShapes, type Shape, validateRequestShape } from './index.js';

const wrongValue = fc.jsonValue({ maxDepth: 2 });

function valueFor(shape: Shape): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: rightValueFor(shape) },
    { weight: 1, arbitrary: wrongValue },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function rightValueFor(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
      return shape.allowedValues === undefined
        ? fc.oneof(fc.string({ maxLength: 8 }), fc.stringMatching(/^[a-z;]{0,5}$/), fc.constant('x'.repeat(256)))
        : fc.oneof(fc.constantFrom(...shape.allowedValues), fc.string({ maxLength: 3 }));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('yes', 'NO', 'true', 'maybe'));
    case 'integer':
    case 'long':
      return fc.oneof(fc.integer({ min: -3, max: 200 }), fc.double({ noNaN: true }), fc.constant(2 ** 53 + 2));
    case 'list':
      return fc.array(valueFor(shape.member), { maxLength: 4 });
    case 'map':
      return fc.dictionary(fc.string({ maxLength: 4 }), valueFor(shape.value), { maxKeys: 3 });
    case 'structure':
      return fc.record(Object.fromEntries(shape.members.map((member) => [member.wireName, valueFor(member.shape)])), {
        requiredKeys: [],
      });
    case 'attributeValue':
      return fc.oneof(fc.dictionary(fc.constantFrom('S', 'N', 'B', 'L', 'M', 'SS', 'BOOL'), fc.jsonValue({ maxDepth: 2 })), wrongValue);
  }
}

const operations = Object.keys(requestShapes) as OperationName[];

function expectDynamoDbErrorOrNothing(operation: OperationName, body: unknown): void {
  try {
    validateRequestShape(operation, body);
  } catch (error) {
    assert.ok(error instanceof DynamoDbError, `${operation} threw ${String(error)}`);
    assert.ok(error.type === 'SerializationException' || error.type === 'ValidationException', error.type);
    const listed = /^(\d+) validation errors? detected: /.exec(error.message);
    if (listed !== null) assert.ok(Number(listed[1]) >= 1 && Number(listed[1]) <= 10, error.message);
  }
}

test('arbitrary JSON bodies give a DynamoDbError or nothing', () => {
  fc.assert(
    fc.property(fc.constantFrom(...operations), fc.jsonValue(), (operation, body) => {
      expectDynamoDbErrorOrNothing(operation, body);
    }),
    { numRuns: 2000 },
  );
});

test('bodies following each operation shape give a DynamoDbError or nothing, and acceptance is stable', () => {
  for (const operation of operations) {
    fc.assert(
      fc.property(rightValueFor(requestShapes[operation].input), (body) => {
        expectDynamoDbErrorOrNothing(operation, body);
        let accepted = true;
        try {
          validateRequestShape(operation, body);
        } catch {
          accepted = false;
        }
        // A body accepted once (after its in-place normalization) is accepted again.
        if (accepted) validateRequestShape(operation, body);
      }),
      { numRuns: 300 },
    );
  }
});
