import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DynamoDbError } from '../lib/errors.js';
import { checkAttributeValue, checkAttributeValueTypes, checkItem, validateAttributeValue, validateItem } from './validate-attribute-value.js';

const empty = 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes';
const severalTypes = 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';
const nesting = 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit';
const invalid = (detail: string) => `One or more parameter values were invalid: ${detail}`;

function errorOf(input: unknown): { type: string; message: string } {
  const result = checkAttributeValue(input);
  assert.equal(result.ok, false, `expected ${JSON.stringify(input)} to be refused`);
  if (result.ok) return { type: '', message: '' };
  assert.ok(result.error instanceof DynamoDbError);
  return { type: result.error.type, message: result.error.message };
}

function validation(message: string) {
  return { type: 'ValidationException', message };
}

function serialization(message: string) {
  return { type: 'SerializationException', message };
}

/** Wraps `leaf` in `depth` single-entry maps, the way the nesting limit is measured. */
function deepMap(depth: number, leaf: unknown = { S: 'leaf' }): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = { M: { n: value } };
  return value;
}

describe('accepted values come back normalised', () => {
  const cases: [unknown, unknown][] = [
    [{ S: 'a' }, { S: 'a' }],
    [{ S: '' }, { S: '' }],
    [{ N: '-0015.789e6' }, { N: '-15789000' }],
    [{ N: '+5' }, { N: '5' }],
    [{ B: 'Yg==' }, { B: 'Yg==' }],
    [{ B: '' }, { B: '' }],
    [{ BOOL: false }, { BOOL: false }],
    [{ BOOL: 'TRUE' }, { BOOL: true }],
    [{ BOOL: 'no' }, { BOOL: false }],
    [{ NULL: true }, { NULL: true }],
    [{ SS: ['a', ''] }, { SS: ['a', ''] }],
    [{ NS: ['1.50', '-0', '2e1'] }, { NS: ['1.5', '0', '20'] }],
    [{ BS: ['Yg==', ''] }, { BS: ['Yg==', ''] }],
    [{ L: [] }, { L: [] }],
    [{ M: {} }, { M: {} }],
    [{ L: [{ N: '01' }, { M: { x: { N: '1.0' } } }] }, { L: [{ N: '1' }, { M: { x: { N: '1' } } }] }],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.deepEqual(validateAttributeValue(input), expected));
  }

  test('unknown members and null members are ignored', () => {
    assert.deepEqual(validateAttributeValue({ S: 'a', X: 1, N: null }), { S: 'a' });
  });

  test('an item keeps every attribute, including one named __proto__', () => {
    const item = validateItem(JSON.parse('{"a":{"N":"1.0"},"__proto__":{"S":"x"}}'));
    assert.deepEqual(Object.keys(item), ['a', '__proto__']);
    assert.deepEqual(item['__proto__'], { S: 'x' });
    assert.equal(Object.getPrototypeOf(item), Object.prototype);
  });

  test('an absent (null) item reads as empty', () => {
    assert.deepEqual(validateItem(null), {});
  });
});

describe('type members', () => {
  test('an empty value, or one with only unknown or null members', () => {
    assert.deepEqual(errorOf({}), validation(empty));
    assert.deepEqual(errorOf({ a: '' }), validation(empty));
    assert.deepEqual(errorOf({ S: null }), validation(empty));
    assert.deepEqual(errorOf(null), validation(empty));
  });

  test('more than one type', () => {
    assert.deepEqual(errorOf({ S: 'a', N: '1' }), validation(severalTypes));
    assert.deepEqual(errorOf({ L: [], M: {} }), validation(severalTypes));
  });

  test('a problem inside one of several types is reported first', () => {
    assert.deepEqual(errorOf({ S: 'a', N: 'b' }), validation('The parameter cannot be converted to a numeric value: b'));
    assert.deepEqual(errorOf({ S: '', N: '' }), validation('The parameter cannot be converted to a numeric value'));
  });

  test('NULL must be true', () => {
    assert.deepEqual(errorOf({ NULL: false }), validation(invalid('Null attribute value types must have the value of true')));
    assert.deepEqual(errorOf({ NULL: 'no' }), validation(invalid('Null attribute value types must have the value of true')));
  });
});

describe('numbers', () => {
  test('with the number messages', () => {
    assert.deepEqual(errorOf({ N: '' }), validation('The parameter cannot be converted to a numeric value'));
    assert.deepEqual(errorOf({ N: 'b' }), validation('The parameter cannot be converted to a numeric value: b'));
    assert.deepEqual(errorOf({ N: '1e126' }), validation('Number overflow. Attempting to store a number with magnitude larger than supported range'));
    assert.deepEqual(errorOf({ N: '1e-131' }), validation('Number underflow. Attempting to store a number with magnitude smaller than supported range'));
    assert.deepEqual(errorOf({ N: '1'.repeat(39) }), validation('Attempting to store more than 38 significant digits in a Number'));
  });
});

describe('sets', () => {
  test('must not be empty; the wording differs per set type', () => {
    assert.deepEqual(errorOf({ SS: [] }), validation(invalid('An string set  may not be empty')));
    assert.deepEqual(errorOf({ NS: [] }), validation(invalid('An number set  may not be empty')));
    assert.deepEqual(errorOf({ BS: [] }), validation(invalid('Binary sets should not be empty')));
  });

  test('must not hold duplicates', () => {
    assert.deepEqual(errorOf({ SS: ['a', 'a'] }), validation(invalid('Input collection [a, a] contains duplicates.')));
    assert.deepEqual(errorOf({ SS: ['', 'b', ''] }), validation(invalid('Input collection [, b, ] contains duplicates.')));
    assert.deepEqual(errorOf({ BS: ['Yg==', 'Yg=='] }), validation(invalid('Input collection [Yg==, Yg==]of type BS contains duplicates.')));
    assert.deepEqual(errorOf({ NS: ['1', '1'] }), validation('Input collection contains duplicates'));
  });

  test('number set duplicates compare numerically', () => {
    assert.deepEqual(errorOf({ NS: ['1', '2', '2.0'] }), validation('Input collection contains duplicates'));
    assert.deepEqual(errorOf({ NS: ['1e2', '100'] }), validation('Input collection contains duplicates'));
    assert.deepEqual(errorOf({ NS: ['-0', '0.000'] }), validation('Input collection contains duplicates'));
  });

  test('number set members are numbers', () => {
    assert.deepEqual(errorOf({ NS: ['1', ''] }), validation('The parameter cannot be converted to a numeric value'));
    assert.deepEqual(errorOf({ NS: ['1', 'b', 'a'] }), validation('The parameter cannot be converted to a numeric value: b'));
    assert.deepEqual(errorOf({ NS: ['1', '1', 'x'] }), validation('The parameter cannot be converted to a numeric value: x'));
  });

  test('null members', () => {
    assert.deepEqual(errorOf({ SS: ['a', null] }), validation(invalid('An string set may not have a empty string as a member')));
    assert.deepEqual(errorOf({ BS: [null] }), validation(invalid('Binary sets may not contain null or empty values')));
    assert.deepEqual(errorOf({ NS: [null] }), validation('The parameter cannot be converted to a numeric value'));
  });
});

describe('binary', () => {
  test('base64 problems are serialization errors', () => {
    assert.deepEqual(errorOf({ B: '23456' }), serialization('Base64 encoded length is expected a multiple of 4 bytes but found: 5'));
    assert.deepEqual(errorOf({ B: '=+/=' }), serialization('Invalid last non-pad Base64 character dectected'));
    assert.deepEqual(errorOf({ B: '+/+=' }), serialization('Invalid last non-pad Base64 character dectected'));
    assert.deepEqual(errorOf({ B: 'YQ=a' }), serialization("Invalid Base64 character: '='"));
    assert.deepEqual(errorOf({ B: 'ab!d' }), serialization("Invalid Base64 character: '!'"));
    assert.deepEqual(errorOf({ BS: ['Yg==', 'Y'] }), serialization('Base64 encoded length is expected a multiple of 4 bytes but found: 1'));
  });
});

describe('wrong JSON types are serialization errors', () => {
  const cases: [unknown, string][] = [
    [{ S: 5 }, 'NUMBER_VALUE cannot be converted to String'],
    [{ S: -2147483648 }, 'NUMBER_VALUE cannot be converted to String'],
    [{ S: 34.56 }, 'DECIMAL_VALUE cannot be converted to String'],
    [{ S: true }, 'TRUE_VALUE cannot be converted to String'],
    [{ S: false }, 'FALSE_VALUE cannot be converted to String'],
    [{ S: [] }, 'Unrecognized collection type class java.lang.String'],
    [{ S: {} }, 'Start of structure or map found where not expected'],
    [{ N: 5 }, 'NUMBER_VALUE cannot be converted to String'],
    [{ SS: [1] }, 'NUMBER_VALUE cannot be converted to String'],
    [{ NS: [1.5] }, 'DECIMAL_VALUE cannot be converted to String'],
    [{ B: true }, 'only base-64-encoded strings are convertible to bytes'],
    [{ B: 23 }, 'only base-64-encoded strings are convertible to bytes'],
    [{ B: [] }, 'Unrecognized collection type class java.nio.ByteBuffer'],
    [{ B: {} }, 'Start of structure or map found where not expected'],
    [{ BS: [5] }, 'only base-64-encoded strings are convertible to bytes'],
    [{ BOOL: '23' }, 'Unexpected token received from parser'],
    [{ BOOL: 23 }, 'NUMBER_VALUE cannot be converted to Boolean'],
    [{ BOOL: 34.56 }, 'DECIMAL_VALUE cannot be converted to Boolean'],
    [{ BOOL: [] }, 'Unrecognized collection type class java.lang.Boolean'],
    [{ NULL: {} }, 'Start of structure or map found where not expected'],
    [{ SS: 'a' }, 'Unexpected field type'],
    [{ NS: true }, 'Unexpected field type'],
    [{ BS: 23 }, 'Unexpected field type'],
    [{ L: 34.56 }, 'Unexpected field type'],
    [{ L: {} }, 'Start of structure or map found where not expected'],
    [{ M: '23' }, 'Unexpected field type'],
    [{ M: [] }, 'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>'],
    [{ L: ['23'] }, 'Unexpected value type in payload'],
    [{ L: [[]] }, 'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue'],
    [{ M: { a: true } }, 'Unexpected value type in payload'],
    ['23', 'Unexpected value type in payload'],
    [[], 'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue'],
  ];
  for (const [input, message] of cases) {
    test(JSON.stringify(input), () => assert.deepEqual(errorOf(input), serialization(message)));
  }

  test('an item that is not a map', () => {
    assert.throws(() => validateItem('x'), { type: 'SerializationException', message: 'Unexpected field type' });
    assert.throws(() => validateItem([]), {
      type: 'SerializationException',
      message: 'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>',
    });
    assert.throws(() => validateItem({ a: 5 }), { type: 'SerializationException', message: 'Unexpected value type in payload' });
  });

  test('win over validation errors anywhere in the value', () => {
    assert.deepEqual(errorOf({ L: [{ N: 'x' }, { S: 5 }] }), serialization('NUMBER_VALUE cannot be converted to String'));
    assert.deepEqual(errorOf({ L: [{}, { B: '!' }] }), serialization('Base64 encoded length is expected a multiple of 4 bytes but found: 1'));
    const item = checkItem({ a: { NULL: false }, b: { M: { c: { BOOL: 7 } } } });
    assert.ok(!item.ok);
    assert.equal(item.error.message, 'NUMBER_VALUE cannot be converted to Boolean');
  });

  test('the first validation error in document order wins among validation errors', () => {
    const item = checkItem({ a: { SS: [] }, b: { NS: [] } });
    assert.ok(!item.ok);
    assert.equal(item.error.message, invalid('An string set  may not be empty'));
  });
});

describe('nesting', () => {
  test('31 maps around a scalar (leaf at level 32) are accepted', () => {
    assert.doesNotThrow(() => validateItem({ data: deepMap(31) }));
    assert.doesNotThrow(() => validateItem({ data: deepMap(31, { L: [] }) }));
  });

  test('32 maps around a scalar (leaf at level 33) are refused', () => {
    assert.throws(() => validateItem({ data: deepMap(32) }), { type: 'ValidationException', message: nesting });
    assert.throws(() => validateItem({ data: deepMap(31, { L: [{ S: 'x' }] }) }), { type: 'ValidationException', message: nesting });
  });

  test('lists count like maps', () => {
    let value: unknown = { N: '1' };
    for (let level = 0; level < 31; level++) value = { L: [value] };
    assert.doesNotThrow(() => validateAttributeValue(value));
    assert.throws(() => validateAttributeValue({ L: [value] }), { message: nesting });
  });

  test('a hostile depth is refused without exhausting the stack', () => {
    assert.throws(() => validateAttributeValue(deepMap(100_000)), { message: nesting });
  });

  test('a serialization error just past the limit still wins', () => {
    assert.throws(() => validateAttributeValue(deepMap(33, { S: 1 })), { type: 'SerializationException' });
  });
});

describe('properties', () => {
  const attributeValue = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ S: fc.string() }),
      fc.record({ N: fc.integer().map(String) }),
      fc.record({ BOOL: fc.boolean() }),
      fc.record({ NULL: fc.constant(true) }),
      fc.record({ SS: fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }) }),
      fc.record({ L: fc.array(tie('value'), { maxLength: 3 }) }),
      fc.record({ M: fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 }) }),
    ),
  })).value;

  test('valid values are returned unchanged (already canonical) and validation is idempotent', () => {
    fc.assert(
      fc.property(attributeValue, (generated) => {
        // Round-trip through JSON: requests arrive as parsed JSON, with ordinary prototypes.
        const value: unknown = JSON.parse(JSON.stringify(generated));
        const validated = validateAttributeValue(value);
        assert.deepEqual(validated, value);
        assert.deepEqual(validateAttributeValue(validated), validated);
      }),
      { numRuns: 500 },
    );
  });

  test('arbitrary JSON never escapes as anything but a DynamoDbError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = checkAttributeValue(input);
        if (!result.ok) assert.ok(result.error instanceof DynamoDbError);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkAttributeValueTypes', () => {
  /** Attribute-value-like JSON: the type names and a stray key, each with a value of any JSON kind. */
  const { value: looseValue } = fc.letrec<{ value: unknown; member: unknown }>((tie) => ({
    value: fc.oneof(
      { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.array(tie('value'), { maxLength: 2 })) },
      {
        weight: 6,
        arbitrary: fc.dictionary(fc.constantFrom('S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M', 'X'), tie('member'), { minKeys: 0, maxKeys: 2 }),
      },
    ),
    member: fc.oneof(
      fc.constant(null),
      fc.constantFrom('', 'abc', 'AQ==', 'AQ=', '12', 'true', 'no', '1e999'),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.oneof(fc.constant(null), fc.constantFrom('a', 'AQ==', '1'), fc.integer(), tie('value')), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), tie('value'), { maxKeys: 2 }),
    ),
  }));

  function serializationErrorOf(check: () => void): DynamoDbError | undefined {
    try {
      check();
      return undefined;
    } catch (error) {
      assert.ok(error instanceof DynamoDbError);
      return error;
    }
  }

  test('throws exactly the SerializationException the full validation reports, and nothing else', () => {
    fc.assert(
      fc.property(looseValue, (generated) => {
        const input: unknown = JSON.parse(JSON.stringify(generated));
        const result = checkAttributeValue(input);
        const expected = !result.ok && result.error.type === 'SerializationException' ? result.error : undefined;
        const actual = serializationErrorOf(() => checkAttributeValueTypes(input));
        assert.equal(actual?.type, expected?.type);
        assert.equal(actual?.message, expected?.message);
      }),
      { numRuns: 3000 },
    );
  });

  test('reads types past the nesting limit as far as the full validation does', () => {
    for (const depth of [31, 32, 33, 100, 400]) {
      for (const leaf of [{ S: 5 }, { B: '!' }, 7]) {
        const input = deepMap(depth, leaf);
        const result = checkAttributeValue(input);
        const expected = !result.ok && result.error.type === 'SerializationException' ? result.error.message : undefined;
        assert.equal(serializationErrorOf(() => checkAttributeValueTypes(input))?.message, expected, `depth ${depth}`);
      }
    }
  });
});
