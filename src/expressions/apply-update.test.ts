import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { UpdateExpression } from './ast.js';
import { applyUpdate } from './apply-update.js';
import { projectPaths } from './project-item.js';
import { canonicalNumber } from '../model/number.js';
import {
  add,
  bindings,
  deleteFrom,
  errorMessage,
  ifNotExists,
  listAppend,
  literal,
  minus,
  path,
  plus,
  remove,
  set,
  update,
  value,
} from './evaluate-builders.test-support.js';

const key: Item = { id: { S: 'k' } };

const values = bindings(
  {
    ':one': { N: '1' },
    ':two': { N: '2' },
    ':seventeen': { N: '17' },
    ':text': { S: 'text' },
    ':list': { L: [{ S: 'x' }] },
    ':pair': { L: [{ N: '1' }, { N: '2' }] },
    ':red': { SS: ['red'] },
    ':colours': { SS: ['red', 'green'] },
    ':numbers': { NS: ['1', '2'] },
  },
  { '#a': 'a' },
);

const invalidPath = 'The document path provided in the update expression is invalid for update';
const missingAttribute = 'The provided expression refers to an attribute that does not exist in the item';
const incorrectType = 'An operand in the update expression has an incorrect data type';

function numbers(...texts: string[]): AttributeValue {
  return { L: texts.map((text) => ({ N: text })) };
}

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) frozen(member);
    Object.freeze(value);
  }
  return value;
}

function apply(expression: UpdateExpression, item: Item | undefined): Item {
  return applyUpdate(expression, item === undefined ? undefined : frozen(item), key, values).item;
}

function failure(expression: UpdateExpression, item: Item | undefined): string {
  return errorMessage(() => apply(expression, item));
}

describe('applyUpdate: SET', () => {
  it('creates the item from its key when it does not exist', () => {
    assert.deepEqual(apply(update(set('b', value(':one'))), undefined), { id: { S: 'k' }, b: { N: '1' } });
  });

  it('merges with the existing item and replaces values of any type', () => {
    assert.deepEqual(apply(update(set('#a', value(':text'))), { ...key, a: { N: '5' }, b: { S: 'kept' } }), {
      ...key,
      a: { S: 'text' },
      b: { S: 'kept' },
    });
  });

  it('reads every right-hand side from the item as it was', () => {
    assert.equal(failure(update(set('x', value(':one')), set('y', path('x'))), key), missingAttribute);
    assert.deepEqual(apply(update(remove('a'), set('b', path('a'))), { ...key, a: { S: 'old' } }), { ...key, b: { S: 'old' } });
    assert.deepEqual(apply(update(set('a', path('b')), set('b', path('a'))), { ...key, a: { N: '1' }, b: { N: '2' } }), {
      ...key,
      a: { N: '2' },
      b: { N: '1' },
    });
  });

  it('reads key attributes of an item being created', () => {
    assert.deepEqual(apply(update(set('copy', path('id'))), undefined), { ...key, copy: { S: 'k' } });
  });

  it('adds and subtracts numbers exactly', () => {
    const item = { ...key, n: { N: '0.1' } };
    assert.deepEqual(apply(update(set('n', plus(path('n'), literal({ N: '0.2' })))), item).n, { N: '0.3' });
    assert.deepEqual(apply(update(set('n', minus(value(':one'), path('n')))), item).n, { N: '0.9' });
    assert.deepEqual(apply(update(set('c', plus(ifNotExists('c', literal({ N: '0' })), value(':one')))), item).c, { N: '1' });
  });

  it('refuses arithmetic on missing attributes and non-numbers', () => {
    assert.equal(failure(update(set('n', plus(path('missing'), value(':one')))), key), missingAttribute);
    assert.equal(failure(update(set('n', plus(path('s'), value(':one')))), { ...key, s: { S: '1' } }), incorrectType);
    assert.equal(
      failure(update(set('n', plus(value(':one'), literal({ N: '1e125' })))), { ...key, n: { N: '1' } }),
      'Number overflow. Attempting to store a number with magnitude larger than supported range',
    );
  });

  it('if_not_exists takes the attribute when present, else the fallback', () => {
    const item = { ...key, a: { N: '5' } };
    assert.deepEqual(apply(update(set('a', ifNotExists('a', value(':one')))), item).a, { N: '5' });
    assert.deepEqual(apply(update(set('b', ifNotExists('c', value(':one')))), item).b, { N: '1' });
  });

  it('list_append concatenates two lists, in either order', () => {
    const item = { ...key, l: numbers('1', '2') };
    assert.deepEqual(apply(update(set('l', listAppend(path('l'), value(':list')))), item).l, { L: [{ N: '1' }, { N: '2' }, { S: 'x' }] });
    assert.deepEqual(apply(update(set('l', listAppend(value(':list'), path('l')))), item).l, { L: [{ S: 'x' }, { N: '1' }, { N: '2' }] });
    assert.equal(failure(update(set('l', listAppend(path('missing'), value(':list')))), item), missingAttribute);
    assert.equal(failure(update(set('l', listAppend(path('id'), value(':list')))), item), incorrectType);
  });

  it('sets nested paths whose parents exist', () => {
    const item = { ...key, m: { M: { x: { N: '1' }, l: { L: [{ M: {} }] } } } };
    assert.deepEqual(apply(update(set('m.y', value(':one')), set('m.l[0].z', value(':two'))), item).m, {
      M: { x: { N: '1' }, l: { L: [{ M: { z: { N: '2' } } }] }, y: { N: '1' } },
    });
  });

  it('refuses paths whose parent is missing or not a document', () => {
    const item = { ...key, s: { S: 'text' }, l: { L: [] }, m: { M: {} } };
    for (const target of ['missing.x', 's.x', 'l.x', 'm[0]', 's[0]', 'missing[0]', 'm.missing.x']) {
      assert.equal(failure(update(set(target, value(':one'))), item), invalidPath, target);
    }
    assert.equal(failure(update(set('c.c', value(':one'))), undefined), invalidPath);
  });

  it('replaces list elements in place and appends past the end in index order', () => {
    const item = { ...key, a: numbers('0', '1', '2') };
    assert.deepEqual(apply(update(set('a[1]', value(':seventeen'))), item).a, numbers('0', '17', '2'));
    assert.deepEqual(apply(update(set('a[7]', value(':seventeen'))), item).a, numbers('0', '1', '2', '17'));
    const appended = update(set('a[84]', literal({ N: '84' })), set('a[37]', literal({ N: '37' })), set('a[50]', literal({ N: '50' })));
    assert.deepEqual(apply(appended, item).a, numbers('0', '1', '2', '37', '50', '84'));
  });
});

describe('applyUpdate: REMOVE', () => {
  it('removes attributes, nested keys and list elements; missing ones are fine', () => {
    const item = { ...key, a: { S: 'x' }, m: { M: { x: { N: '1' }, y: { N: '2' } } }, l: numbers('0', '1', '2') };
    assert.deepEqual(apply(update(remove('a'), remove('m.x'), remove('l[1]'), remove('missing'), remove('m.missing'), remove('l[9]')), item), {
      ...key,
      m: { M: { y: { N: '2' } } },
      l: numbers('0', '2'),
    });
  });

  it('leaves empty maps and lists behind', () => {
    assert.deepEqual(apply(update(remove('m.x'), remove('l[0]')), { ...key, m: { M: { x: { N: '1' } } }, l: numbers('1') }), {
      ...key,
      m: { M: {} },
      l: { L: [] },
    });
  });

  it('counts every list index from the list as it was', () => {
    const item = { ...key, a: numbers('2', '3', '4', '5', '6', '7') };
    const expected = numbers('2', '4', '17', '6', '7');
    assert.deepEqual(apply(update(remove('a[1]'), set('a[3]', value(':seventeen'))), item).a, expected);
    assert.deepEqual(apply(update(set('a[3]', value(':seventeen')), remove('a[1]')), item).a, expected);
    assert.deepEqual(apply(update(remove('a[0]'), remove('a[2]'), remove('a[4]')), item).a, numbers('3', '5', '7'));
  });

  it('refuses a nested path whose parent is missing, unless the item does not exist', () => {
    const item = { ...key, a: { S: 'hello' } };
    assert.equal(failure(update(remove('a.c')), item), invalidPath);
    assert.equal(failure(update(remove('c.c')), item), invalidPath);
    assert.equal(failure(update(remove('a[0]')), item), invalidPath);
    assert.deepEqual(apply(update(remove('x.y'), remove('x[0]')), undefined), key);
  });
});

describe('applyUpdate: ADD and DELETE', () => {
  it('ADD adds to numbers, counting a missing attribute as zero', () => {
    assert.deepEqual(apply(update(add('n', value(':two'))), { ...key, n: { N: '3' } }).n, { N: '5' });
    assert.deepEqual(apply(update(add('n', value(':two'))), undefined).n, { N: '2' });
    assert.deepEqual(apply(update(add('m.n', value(':two'))), { ...key, m: { M: { n: { N: '-2' } } } }).m, { M: { n: { N: '0' } } });
  });

  it('ADD joins sets of the same type, creating a missing one', () => {
    assert.deepEqual(apply(update(add('s', value(':colours'))), { ...key, s: { SS: ['blue', 'red'] } }).s, { SS: ['blue', 'red', 'green'] });
    assert.deepEqual(apply(update(add('s', value(':red'))), undefined).s, { SS: ['red'] });
  });

  it('ADD refuses a mismatched existing attribute', () => {
    assert.equal(failure(update(add('n', value(':one'))), { ...key, n: { S: 'x' } }), incorrectType);
    assert.equal(failure(update(add('s', value(':red'))), { ...key, s: { NS: ['1'] } }), incorrectType);
    assert.equal(failure(update(add('s', value(':red'))), { ...key, s: { L: [] } }), incorrectType);
  });

  it('DELETE removes members, and the attribute once the set is empty', () => {
    const item = { ...key, s: { SS: ['red', 'green', 'blue'] }, n: { NS: ['1', '2'] } };
    assert.deepEqual(apply(update(deleteFrom('s', value(':colours'))), item).s, { SS: ['blue'] });
    assert.deepEqual(apply(update(deleteFrom('n', value(':numbers'))), item), { ...key, s: item.s });
    assert.deepEqual(apply(update(deleteFrom('missing', value(':red'))), item), item);
    assert.equal(failure(update(deleteFrom('s', value(':numbers'))), item), incorrectType);
  });
});

describe('applyUpdate: AttributeUpdates', () => {
  it('reports type mismatches in the legacy parameter\'s words', () => {
    const item = { ...key, s: { SS: ['a'] }, n: { N: '1' } };
    const mismatch = 'Type mismatch for attribute to update';
    assert.equal(errorMessage(() => applyUpdate(update(deleteFrom('s', value(':numbers'))), item, key, values, 'AttributeUpdates')), mismatch);
    assert.equal(errorMessage(() => applyUpdate(update(add('s', value(':one'))), item, key, values, 'AttributeUpdates')), mismatch);
    const appendToNumber = update(set('n', listAppend(ifNotExists('n', literal({ L: [] })), value(':list'))));
    assert.equal(errorMessage(() => applyUpdate(appendToNumber, item, key, values, 'AttributeUpdates')), mismatch);
    assert.equal(errorMessage(() => applyUpdate(appendToNumber, item, key, values)), incorrectType);
  });
});

describe('applyUpdate: results', () => {
  it('reports the updated paths, whose values give UPDATED_OLD and UPDATED_NEW', () => {
    const item: Item = { ...key, a: { N: '1' }, m: { M: { x: { N: '1' }, y: { N: '2' } } }, gone: { S: 'x' } };
    const result = applyUpdate(update(set('m.x', value(':two')), add('a', value(':one')), remove('gone')), item, key, values);
    assert.deepEqual(result.updatedPaths, [['m', 'x'], ['a'], ['gone']]);
    assert.deepEqual(result.updatedAttributeNames, ['m', 'a', 'gone']);
    assert.deepEqual(projectPaths(item, result.updatedPaths), { a: { N: '1' }, m: { M: { x: { N: '1' } } }, gone: { S: 'x' } });
    assert.deepEqual(projectPaths(result.item, result.updatedPaths), { a: { N: '2' }, m: { M: { x: { N: '2' } } } });
  });

  it('gives the new positions of written values for UPDATED_NEW', () => {
    const item: Item = { ...key, a: numbers('2', '3', '4', '5', '6', '7'), l: { L: [{ M: {} }, { M: {} }, { M: { x: { N: '0' } } }] }, s: { SS: ['red'] } };
    const newPaths = (expression: UpdateExpression) => applyUpdate(expression, item, key, values).newPaths;
    assert.deepEqual(newPaths(update(remove('a[1]'), set('a[3]', value(':seventeen')))), [['a', 2]]);
    assert.deepEqual(newPaths(update(set('a[9]', value(':one')), set('a[7]', value(':two')))), [['a', 7], ['a', 6]]);
    assert.deepEqual(newPaths(update(remove('l[0]'), set('l[2].x', value(':one')))), [['l', 1, 'x']]);
    assert.deepEqual(newPaths(update(remove('a[0]'), deleteFrom('s', value(':red')))), []);
    const result = applyUpdate(update(remove('a[1]'), set('a[3]', value(':seventeen'))), item, key, values);
    assert.deepEqual(projectPaths(result.item, result.newPaths), { a: numbers('17') });
    assert.deepEqual(projectPaths(item, result.updatedPaths), { a: numbers('3', '5') });
  });

  it('refuses an item over 400 KB with the update message', () => {
    const big = { S: 'x'.repeat(300 * 1024) };
    assert.equal(
      errorMessage(() => applyUpdate(update(set('b', value(':big'))), { ...key, a: big }, key, bindings({ ':big': big }))),
      'Item size to update has exceeded the maximum allowed size',
    );
  });

  it('refuses documents nested deeper than 32 levels', () => {
    let deep: AttributeValue = { N: '1' };
    for (let level = 1; level < 32; level++) deep = { L: [deep] };
    assert.doesNotThrow(() => applyUpdate(update(set('d', value(':deep'))), undefined, key, bindings({ ':deep': deep })));
    assert.equal(
      errorMessage(() => applyUpdate(update(set('d', value(':deep'))), undefined, key, bindings({ ':deep': { L: [deep] } }))),
      'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
    );
  });
});

describe('applyUpdate: properties', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 5 }).map((text): AttributeValue => ({ S: text })),
    fc.integer().map((integer): AttributeValue => ({ N: String(integer) })),
  );
  const document = fc.letrec<{ value: AttributeValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }).map((elements): AttributeValue => ({ L: elements })),
      fc.dictionary(fc.constantFrom('p', 'q', 'r'), tie('value'), { maxKeys: 3 }).map((entries): AttributeValue => ({ M: { ...entries } })),
    ),
  })).value;
  const itemArbitrary = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), document, { maxKeys: 4 }).map((entries): Item => ({ ...entries, ...key }));

  it('SET of a new attribute then REMOVE of it restores the item', () => {
    fc.assert(
      fc.property(itemArbitrary, document, (item, added) => {
        const afterSet = applyUpdate(update(set('fresh', value(':v'))), item, key, bindings({ ':v': added })).item;
        assert.deepEqual(afterSet.fresh, added);
        const afterRemove = applyUpdate(update(remove('fresh')), afterSet, key, values).item;
        assert.deepEqual(afterRemove, item);
      }),
    );
  });

  it('SET of an existing nested map key then SET of its old value restores the item', () => {
    fc.assert(
      fc.property(itemArbitrary, scalar, (item, replacement) => {
        for (const name of Object.keys(item)) {
          const current = item[name]!;
          if (!('M' in current)) continue;
          for (const inner of Object.keys(current.M)) {
            const changed: Item = applyUpdate(update(set(`${name}.${inner}`, value(':v'))), item, key, bindings({ ':v': replacement })).item;
            const restored: Item = applyUpdate(update(set(`${name}.${inner}`, value(':v'))), changed, key, bindings({ ':v': current.M[inner]! })).item;
            assert.deepEqual(restored, item);
          }
        }
      }),
    );
  });

  it('never changes the item it was given', () => {
    fc.assert(
      fc.property(itemArbitrary, (item) => {
        const snapshot = structuredClone(item);
        frozen(item);
        for (const name of Object.keys(item)) {
          try {
            applyUpdate(update(set(`${name}[0]`, value(':one')), remove(`${name}.p`), add('counter', value(':one'))), item, key, values);
          } catch {
            // Paths that do not fit this item are refused; the item must still be untouched.
          }
        }
        assert.deepEqual(item, snapshot);
      }),
    );
  });

  it('list updates match a model that counts every index before the update', () => {
    const scenario = fc
      .integer({ min: 0, max: 6 })
      .chain((length) =>
        fc.record({
          length: fc.constant(length),
          roles: fc.array(fc.constantFrom('keep', 'remove', 'set'), { minLength: length + 3, maxLength: length + 3 }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ length, roles }) => {
        const original = Array.from({ length }, (_, index) => String(index));
        const actions = roles.flatMap((role, index) => {
          if (role === 'remove') return [remove(`a[${index}]`)];
          if (role === 'set') return [set(`a[${index}]`, literal({ N: String(100 + index) }))];
          return [];
        });
        fc.pre(actions.length > 0);
        const item = { ...key, a: numbers(...original) };
        const result = applyUpdate(update(...actions), item, key, values);
        const kept = original.flatMap((text, index) => (roles[index] === 'remove' ? [] : [roles[index] === 'set' ? String(100 + index) : text]));
        const appended = roles.flatMap((role, index) => (role === 'set' && index >= length ? [String(100 + index)] : []));
        assert.deepEqual(result.item.a, numbers(...kept, ...appended));
        const setIndexes = roles.flatMap((role, index) => (role === 'set' ? [index] : []));
        const written = result.newPaths.map((path) => (result.item.a as { L: readonly AttributeValue[] }).L[path[1] as number]);
        assert.deepEqual(written, setIndexes.map((index) => ({ N: String(100 + index) })));
      }),
    );
  });

  it('ADD keeps numbers canonical', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -20, max: 20 }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (digits, exponent, other) => {
        const start = canonicalNumber(`${digits}e${exponent}`);
        const added = canonicalNumber(`${other}e${exponent}`);
        const result = applyUpdate(update(add('n', value(':n'))), { ...key, n: { N: start } }, key, bindings({ ':n': { N: added } })).item.n;
        assert.ok(result !== undefined && 'N' in result);
        assert.equal(canonicalNumber(result.N), result.N);
        assert.equal(result.N, canonicalNumber(`${digits + other}e${exponent}`));
      }),
    );
  });
});


describe('attribute names that are also Object.prototype members', () => {
  it('are set as ordinary own attributes, at the top level and inside maps', () => {
    const names = bindings({ ':text': { S: 'text' } }, { '#p': '__proto__', '#c': 'constructor' });
    const item: Item = { id: { S: 'k' }, m: { M: {} } };
    const result = applyUpdate(update(set('#p', value(':text')), set('m.#p', value(':text')), set('#c', value(':text'))), item, key, names).item;
    assert.deepEqual(Object.keys(result), ['id', 'm', '__proto__', 'constructor']);
    assert.ok(Object.hasOwn(result, '__proto__'));
    assert.deepEqual(result['__proto__'], { S: 'text' });
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    const nested = (result['m'] as { M: Item }).M;
    assert.ok(Object.hasOwn(nested, '__proto__'));
    assert.equal(JSON.stringify(result), '{"id":{"S":"k"},"m":{"M":{"__proto__":{"S":"text"}}},"__proto__":{"S":"text"},"constructor":{"S":"text"}}');
  });
});
