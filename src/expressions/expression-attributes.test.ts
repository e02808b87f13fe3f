import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBindings, validateAttributeMaps, validateExpressionAttributes } from './expression-attributes.js';
import { errorMessage } from './evaluate-builders.test-support.js';
import { parseConditionExpression, parseUpdateExpression } from './parse-expression.js';

describe('validateExpressionAttributes', () => {
  test('judges each request by its own maps when the same parsed tree comes again', () => {
    const update = parseUpdateExpression('SET #a = :v, #b = :w');
    assert.equal(parseUpdateExpression('SET #a = :v, #b = :w'), update, 'the parse cache hands out one tree');
    const values = { ':v': { N: '1' }, ':w': { N: '2' } };
    const complete = { names: { '#a': 'a', '#b': 'b' }, values };
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(validateExpressionAttributes({ update }, complete), { names: { '#a': 'a', '#b': 'b' }, values });
      // An update reports an undefined name before an undefined value, whatever their order in the text.
      assert.match(errorMessage(() => validateExpressionAttributes({ update }, { names: { '#a': 'a' }, values: { ':v': { N: '1' } } })), /attribute name: #b$/);
      assert.match(errorMessage(() => validateExpressionAttributes({ update }, { names: { '#a': 'a', '#b': 'b' }, values: { ':v': { N: '1' } } })), /attribute value: :w$/);
    }
  });

  test('a condition reports its first undefined placeholder in document order', () => {
    const condition = parseConditionExpression(':x = #missing');
    for (let round = 0; round < 2; round++) {
      assert.match(errorMessage(() => validateExpressionAttributes({ condition }, { values: { ':y': { S: 'a' } } })), /attribute value: :x$/);
    }
  });

  test('checkBindings takes the bindings validateAttributeMaps returned', () => {
    const condition = parseConditionExpression('#n = :v');
    const maps = { names: { '#n': 'n' }, values: { ':v': { N: '01.50' }, ':unused': { S: 'x' } } };
    const bindings = validateAttributeMaps(maps);
    assert.deepEqual(bindings.values[':v'], { N: '1.5' });
    assert.equal(errorMessage(() => checkBindings({ condition }, bindings)), 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}');
    assert.equal(errorMessage(() => validateExpressionAttributes({ condition }, maps)), 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}');
  });
});
