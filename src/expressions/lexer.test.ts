import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from './lexer.js';
import { isReservedWord, reservedWordCount } from './reserved-words.js';

const shape = (text: string) => tokenize(text).map((token) => `${token.kind}:${token.text}`);

describe('tokenize', () => {
  it('splits names, placeholders, numbers and punctuation, keeping whitespace', () => {
    assert.deepEqual(shape('a.#b[10] <= :v_1'), [
      'identifier:a',
      'punctuation:.',
      'nameReference:#b',
      'punctuation:[',
      'number:10',
      'punctuation:]',
      'whitespace: ',
      'punctuation:<=',
      'whitespace: ',
      'valueReference::v_1',
    ]);
  });

  it('reads two-character comparators greedily', () => {
    assert.deepEqual(shape('<><=>=<>'), ['punctuation:<>', 'punctuation:<=', 'punctuation:>=', 'punctuation:<>']);
  });

  it('makes a lone # or : and any other character an unknown token, whole code points at a time', () => {
    assert.deepEqual(shape('# : ! 😀'), [
      'unknown:#',
      'whitespace: ',
      'unknown::',
      'whitespace: ',
      'unknown:!',
      'whitespace: ',
      'unknown:😀',
    ]);
  });

  it('records where each token starts', () => {
    assert.deepEqual(
      tokenize('ab  :c').map((token) => token.start),
      [0, 2, 4],
    );
  });

  it('covers the whole text', () => {
    const text = 'SET a = list_append(#b, :c) REMOVE d[0]\t\n';
    assert.equal(tokenize(text).map((token) => token.text).join(''), text);
  });
});

describe('reserved words', () => {
  it("holds DynamoDB's whole list, matched case-insensitively", () => {
    assert.equal(reservedWordCount, 573);
    for (const word of ['ABORT', 'value', 'Name', 'flattern', 'zone']) assert.ok(isReservedWord(word), word);
    for (const word of ['a', 'pk', 'valuex', 'attribute_exists']) assert.ok(!isReservedWord(word), word);
  });
});
