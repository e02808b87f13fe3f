import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTableNames, listTableNames } from './list-tables.js';

const names = ['Alpha', 'Zulu', 'alpha', 'bravo', 'charlie'].sort(compareTableNames);

describe('listTableNames', () => {
  it('orders names byte-wise, upper case first', () => {
    assert.deepEqual(names, ['Alpha', 'Zulu', 'alpha', 'bravo', 'charlie']);
  });

  it('pages with LastEvaluatedTableName only while names follow', () => {
    assert.deepEqual(listTableNames(names, { Limit: 2 }), { TableNames: ['Alpha', 'Zulu'], LastEvaluatedTableName: 'Zulu' });
    assert.deepEqual(listTableNames(names, { Limit: 2, ExclusiveStartTableName: 'Zulu' }), { TableNames: ['alpha', 'bravo'], LastEvaluatedTableName: 'bravo' });
    assert.deepEqual(listTableNames(names, { Limit: 1, ExclusiveStartTableName: 'bravo' }), { TableNames: ['charlie'] });
    assert.deepEqual(listTableNames(names, { ExclusiveStartTableName: 'charlie' }), { TableNames: [] });
  });

  it('omits LastEvaluatedTableName when the page ends exactly at the last name', () => {
    assert.deepEqual(listTableNames(names, { Limit: 5 }), { TableNames: names });
  });

  it('continues after a start name that is not a table', () => {
    assert.deepEqual(listTableNames(names, { ExclusiveStartTableName: 'b' }), { TableNames: ['bravo', 'charlie'] });
    assert.deepEqual(listTableNames(names, { ExclusiveStartTableName: 'AAA', Limit: 1 }), { TableNames: ['Alpha'], LastEvaluatedTableName: 'Alpha' });
  });

  it('returns at most 100 names, the default page', () => {
    const many = Array.from({ length: 250 }, (_, index) => `table-${String(index).padStart(3, '0')}`);
    const first = listTableNames(many);
    assert.equal(first.TableNames.length, 100);
    assert.equal(first.LastEvaluatedTableName, 'table-099');
    assert.equal(listTableNames(many, { Limit: 100, ExclusiveStartTableName: 'table-199' }).LastEvaluatedTableName, undefined);
  });
});
