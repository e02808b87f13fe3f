/**
 * The golden-file format for expression cases. A case is a block of lines, blocks separated by blank lines:
 *
 *   -- a comment
 *   update SET a = :v                  kind (condition, filter, key, projection, update) and the text;
 *                                      a text starting with '"' is a JSON string (for edge whitespace)
 *   names {"#n": "x"}                  optional ExpressionAttributeNames (JSON)
 *   values {":v": {"S": "x"}}          optional ExpressionAttributeValues (JSON)
 *   keys pk, sk                        key attribute names (updates; key conditions: partition, sort;
 *                                      pk, sk when absent)
 *   item {"pk": {"S": "a"}}            updates only: apply the update to this item (`item absent` for
 *                                      none), its key being the item's `keys` attributes ...
 *   key {"pk": {"S": "a"}}             ... or, for an absent item, this key
 *   => SET a = :v                      the printed tree, or `error: <message>`
 */
export const goldenKinds = ['condition', 'filter', 'key', 'projection', 'update'] as const;
export type GoldenKind = (typeof goldenKinds)[number];

export interface GoldenCase {
  readonly line: number;
  readonly kind: GoldenKind;
  readonly text: string;
  readonly names: Record<string, string> | undefined;
  readonly values: Record<string, unknown> | undefined;
  readonly keys: readonly string[];
  /** Updates only: the item to apply the update to (null: no item), or undefined to only parse and check. */
  readonly item: Record<string, unknown> | null | undefined;
  /** Updates to an absent item: the key the request names. */
  readonly key: Record<string, unknown> | undefined;
  /** The output recorded in the file, if any. */
  readonly expected: string | undefined;
  /** The block's lines other than the output, kept verbatim for rewriting. */
  readonly inputLines: readonly string[];
  readonly comments: readonly string[];
}

export function parseGoldenFile(content: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const lines = content.split('\n');
  let block: { start: number; lines: string[] } | undefined;
  const flush = (): void => {
    if (block !== undefined && block.lines.length > 0) cases.push(parseBlock(block.start, block.lines));
    block = undefined;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') return flush();
    block ??= { start: index + 1, lines: [] };
    block.lines.push(line);
  });
  flush();
  return cases;
}

function parseBlock(start: number, lines: readonly string[]): GoldenCase {
  const comments = lines.filter((line) => line.startsWith('--'));
  const body = lines.filter((line) => !line.startsWith('--'));
  const first = body[0] ?? '';
  const space = first.indexOf(' ');
  const kind = first.slice(0, space) as GoldenKind;
  if (!goldenKinds.includes(kind)) throw new Error(`line ${start}: unknown kind in "${first}"`);
  const rawText = first.slice(space + 1);
  const text = rawText.startsWith('"') ? (JSON.parse(rawText) as string) : rawText;
  let names: Record<string, string> | undefined;
  let values: Record<string, unknown> | undefined;
  let keys: string[] = [];
  let item: Record<string, unknown> | null | undefined;
  let key: Record<string, unknown> | undefined;
  let expected: string | undefined;
  const inputLines = [first];
  for (const line of body.slice(1)) {
    if (line.startsWith('=> ')) {
      expected = line.slice(3);
      continue;
    }
    inputLines.push(line);
    if (line.startsWith('names ')) names = JSON.parse(line.slice(6)) as Record<string, string>;
    else if (line.startsWith('values ')) values = JSON.parse(line.slice(7)) as Record<string, unknown>;
    else if (line.startsWith('keys ')) keys = line.slice(5).split(',').map((name) => name.trim());
    else if (line === 'item absent') item = null;
    else if (line.startsWith('item ')) item = JSON.parse(line.slice(5)) as Record<string, unknown>;
    else if (line.startsWith('key ')) key = JSON.parse(line.slice(4)) as Record<string, unknown>;
    else throw new Error(`line ${start}: unknown line "${line}"`);
  }
  return { line: start, kind, text, names, values, keys, item, key, expected, inputLines, comments };
}

export function formatGoldenFile(cases: readonly GoldenCase[], outputs: readonly string[]): string {
  return `${cases.map((golden, index) => [...golden.comments, ...golden.inputLines, `=> ${outputs[index]}`].join('\n')).join('\n\n')}\n`;
}
