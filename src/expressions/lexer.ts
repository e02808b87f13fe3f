/**
 * The expression lexer. Whitespace is kept as tokens because DynamoDB's syntax errors quote the text around
 * the offending token, whitespace included (see syntax-error.ts).
 */
export type TokenKind =
  | 'identifier' // attribute names, keywords and function names: a letter, then letters, digits and '_'
  | 'nameReference' // #name
  | 'valueReference' // :value
  | 'number' // a run of digits (list indexes)
  | 'punctuation'
  | 'whitespace'
  | 'unknown'; // any other character, or a lone '#' or ':'

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the first character in the expression text (UTF-16 units). */
  readonly start: number;
}

const twoCharacterPunctuation = new Set(['<>', '<=', '>=']);
const oneCharacterPunctuation = new Set(['(', ')', '[', ']', '.', ',', '=', '<', '>', '+', '-']);

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCharacter(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function scanWhile(text: string, start: number, accept: (code: number) => boolean): number {
  let end = start;
  while (end < text.length && accept(text.charCodeAt(end))) end++;
  return end;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    const token = nextToken(text, position);
    tokens.push(token);
    position += token.text.length;
  }
  return tokens;
}

function nextToken(text: string, start: number): Token {
  const code = text.charCodeAt(start);
  const slice = (kind: TokenKind, end: number): Token => ({ kind, text: text.slice(start, end), start });
  if (isWhitespace(code)) return slice('whitespace', scanWhile(text, start, isWhitespace));
  // A leading '_' is a syntax error in DynamoDB (`attribute_not_exists(_c)`), so it starts no identifier.
  if (isLetter(code)) return slice('identifier', scanWhile(text, start, isWordCharacter));
  if (isDigit(code)) return slice('number', scanWhile(text, start, isDigit));
  if (code === 35 || code === 58) {
    const end = scanWhile(text, start + 1, isWordCharacter);
    if (end === start + 1) return slice('unknown', end);
    return slice(code === 35 ? 'nameReference' : 'valueReference', end);
  }
  const pair = text.slice(start, start + 2);
  if (twoCharacterPunctuation.has(pair)) return slice('punctuation', start + 2);
  if (oneCharacterPunctuation.has(text[start] ?? '')) return slice('punctuation', start + 1);
  // One whole code point, so a surrogate pair is never split in an error message.
  const width = (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
  return slice('unknown', start + width);
}
