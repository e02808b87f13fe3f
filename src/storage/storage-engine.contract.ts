/**
 * The contract every storage engine passes (engine.ts states it). Each engine's test file calls
 * `runStorageEngineContract` with a function that opens a fresh, empty engine.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  storageKeyBytesMax,
  type RangeOptions,
  type StorageEngine,
  type StorageKey,
  type StorageValue,
  type WriteOperation,
} from './engine.js';
import { createPrng } from '../lib/prng.js';
import { randomBytes, ReferenceModel } from './reference-model.js';

export type OpenFreshEngine = () => Promise<StorageEngine>;

export function runStorageEngineContract(name: string, openFresh: OpenFreshEngine): void {
  const withEngine = async (body: (engine: StorageEngine) => Promise<void> | void): Promise<void> => {
    const engine = await openFresh();
    try {
      await body(engine);
    } finally {
      await engine.close();
    }
  };

  describe(`storage engine contract: ${name}`, () => {
    describe('single keys', () => {
      test('get, put, overwrite and delete', () =>
        withEngine(async (engine) => {
          assert.equal(typeof engine.durable, 'boolean');
          assert.equal(engine.get(bytes(1)), undefined);
          await engine.write([put(bytes(1), bytes(10))]);
          assert.deepEqual(engine.get(bytes(1)), bytes(10));
          await engine.write([put(bytes(1), bytes(11, 12))]);
          assert.deepEqual(engine.get(bytes(1)), bytes(11, 12));
          await engine.write([remove(bytes(1))]);
          assert.equal(engine.get(bytes(1)), undefined);
          await engine.write([remove(bytes(1))]); // deleting a missing key does nothing
          assert.equal(engine.get(bytes(1)), undefined);
        }));

      test('empty values are kept; keys up to storageKeyBytesMax bytes are accepted', () =>
        withEngine(async (engine) => {
          const longestKey = new Uint8Array(storageKeyBytesMax).fill(0xff);
          await engine.write([put(bytes(1), bytes()), put(longestKey, bytes(2))]);
          assert.deepEqual(engine.get(bytes(1)), bytes());
          assert.deepEqual(engine.get(longestKey), bytes(2));
        }));

      test('empty and overlong keys are refused synchronously, and the whole write with them', () =>
        withEngine(async (engine) => {
          const overlongKey = new Uint8Array(storageKeyBytesMax + 1).fill(1);
          assert.throws(() => engine.write([put(bytes(1), bytes(1)), put(bytes(), bytes(1))]));
          assert.throws(() => engine.write([put(bytes(2), bytes(1)), remove(overlongKey)]));
          assert.throws(() => engine.get(bytes()));
          assert.equal(engine.get(bytes(1)), undefined);
          assert.equal(engine.get(bytes(2)), undefined);
          assert.deepEqual(entriesOf(engine, {}), []);
        }));

      test('keys and values are copied in and out', () =>
        withEngine(async (engine) => {
          const backing = bytes(9, 1, 2, 3, 9);
          const key = backing.subarray(1, 3); // a view at an offset into a larger buffer
          const value = backing.subarray(2, 5);
          await engine.write([put(key, value)]);
          backing.fill(0);
          assert.deepEqual(engine.get(bytes(1, 2)), bytes(2, 3, 9));
          const returned = engine.get(bytes(1, 2));
          returned?.fill(7);
          const [entry] = entriesOf(engine, {});
          entry?.key.fill(7);
          entry?.value.fill(7);
          assert.deepEqual(entriesOf(engine, {}), [{ key: bytes(1, 2), value: bytes(2, 3, 9) }]);
        }));

      test('keys and values given as Buffers are copied in too (Buffer#slice makes a view, not a copy)', () =>
        withEngine(async (engine) => {
          const backing = Buffer.from([9, 1, 2, 3, 9]);
          await engine.write([put(backing.subarray(1, 3), backing.subarray(2, 5))]);
          backing.fill(0);
          assert.deepEqual(Uint8Array.from(engine.get(bytes(1, 2)) ?? []), bytes(2, 3, 9));
          assert.deepEqual(entriesOf(engine, {}).map(({ key, value }) => [Uint8Array.from(key), Uint8Array.from(value)]), [[bytes(1, 2), bytes(2, 3, 9)]]);
        }));

      test('large values round-trip as independent copies', () =>
        withEngine(async (engine) => {
          const sizes = [4000, 70_000, 400 * 1024, 1024 * 1024];
          const valueOf = (size: number): Uint8Array => new Uint8Array(size).map((_, index) => (index * 31 + size) % 251);
          await engine.write(sizes.map((size) => put(bytes(size % 256, size >> 16), valueOf(size))));
          for (const size of sizes) {
            const first = engine.get(bytes(size % 256, size >> 16));
            first?.fill(0);
            assert.deepEqual(engine.get(bytes(size % 256, size >> 16)), valueOf(size));
          }
          const fromRange = entriesOf(engine, {}).map((entry) => entry.value.length);
          assert.deepEqual(fromRange.sort((left, right) => left - right), sizes);
          const values = [...engine.range({})].map((entry) => entry.value);
          values.forEach((value) => value.fill(0));
          assert.deepEqual(
            [...engine.range({})].map((entry) => entry.value.every((byte) => byte === 0)),
            sizes.map(() => false),
          );
        }));
    });

    describe('writes', () => {
      test('a write applies all its operations, in order', () =>
        withEngine(async (engine) => {
          await engine.write([put(bytes(3), bytes(3)), put(bytes(5), bytes(5))]);
          await engine.write([
            put(bytes(1), bytes(1)),
            remove(bytes(3)),
            put(bytes(4), bytes(4)),
            remove(bytes(4)),
            remove(bytes(5)),
            put(bytes(5), bytes(50)),
            put(bytes(6), bytes(6)),
            put(bytes(6), bytes(60)),
          ]);
          assert.deepEqual(keyValuePairs(engine, {}), [
            [[1], [1]],
            [[5], [50]],
            [[6], [60]],
          ]);
        }));

      test('writes are visible as soon as write returns', async () => {
        const engine = await openFresh();
        const durable = engine.write([put(bytes(1), bytes(1)), put(bytes(2), bytes(2))]);
        assert.deepEqual(engine.get(bytes(1)), bytes(1));
        assert.deepEqual(keysOf(engine, { reverse: true }), [[2], [1]]);
        const second = engine.write([remove(bytes(1))]);
        assert.equal(engine.get(bytes(1)), undefined);
        await Promise.all([durable, second]);
        await engine.close();
      });

      test('an empty write resolves', () => withEngine((engine) => engine.write([])));

      test('flush resolves after every earlier write is durable', async () => {
        const engine = await openFresh();
        const settled: number[] = [];
        for (let index = 0; index < 5; index++) {
          void engine.write([put(bytes(index + 1), bytes(index))]).then(() => settled.push(index));
        }
        await engine.flush();
        await Promise.resolve(); // the write promises' own callbacks run one microtask later
        assert.deepEqual([...settled].sort(), [0, 1, 2, 3, 4]);
        await engine.close();
      });
    });

    describe('order and ranges', () => {
      test('keys order by unsigned bytes, a prefix first', () =>
        withEngine(async (engine) => {
          const keys = [
            [0x02], [0x01, 0x00], [0xff], [0x00], [0x01], [0x7f], [0x80], [0x00, 0x00],
            [0xff, 0xff], Array(100).fill(0xff), [0x01, 0xff], Array(5).fill(0x00), [0x80, 0x00],
          ].map((values) => new Uint8Array(values));
          await engine.write(keys.map((key) => put(key, key)));
          const expected = [...keys].sort(Buffer.compare).map((key) => [...key]);
          assert.deepEqual(keysOf(engine, {}), expected);
          assert.deepEqual(keysOf(engine, { reverse: true }), [...expected].reverse());
          const ordered = keysOf(engine, { start: bytes(0x01), end: bytes(0x03) });
          assert.deepEqual(ordered, [[0x01], [0x01, 0x00], [0x01, 0xff], [0x02]]);
        }));

      test('start is inclusive, end exclusive, in both directions', () =>
        withEngine(async (engine) => {
          await engine.write([1, 2, 3, 4, 5, 6].map((value) => put(bytes(value * 2), bytes(value))));
          const cases: Array<[RangeOptions, number[]]> = [
            [{ start: bytes(4), end: bytes(8) }, [4, 6]],
            [{ start: bytes(3), end: bytes(9) }, [4, 6, 8]],
            [{ start: bytes(4) }, [4, 6, 8, 10, 12]],
            [{ end: bytes(6) }, [2, 4]],
            [{ start: bytes(4, 0), end: bytes(8, 0) }, [6, 8]],
            [{ start: bytes(), end: bytes(3) }, [2]],
            [{}, [2, 4, 6, 8, 10, 12]],
          ];
          for (const [options, expected] of cases) {
            assert.deepEqual(keysOf(engine, options).flat(), expected, JSON.stringify(options));
            const reversed = keysOf(engine, { ...options, reverse: true }).flat();
            assert.deepEqual(reversed, [...expected].reverse(), `reverse ${JSON.stringify(options)}`);
          }
        }));

      test('limit counts from where the iteration starts', () =>
        withEngine(async (engine) => {
          await engine.write([1, 2, 3, 4, 5].map((value) => put(bytes(value), bytes(value))));
          assert.deepEqual(keysOf(engine, { limit: 2 }).flat(), [1, 2]);
          assert.deepEqual(keysOf(engine, { limit: 2, reverse: true }).flat(), [5, 4]);
          assert.deepEqual(keysOf(engine, { start: bytes(2), end: bytes(5), limit: 2, reverse: true }).flat(), [4, 3]);
          assert.deepEqual(keysOf(engine, { limit: 0 }), []);
          assert.deepEqual(keysOf(engine, { limit: 99 }).flat(), [1, 2, 3, 4, 5]);
        }));

      test('empty ranges', () =>
        withEngine(async (engine) => {
          for (const reverse of [false, true]) assert.deepEqual(keysOf(engine, { reverse }), []);
          await engine.write([put(bytes(1), bytes(1)), put(bytes(5), bytes(5))]);
          const empty: RangeOptions[] = [
            { start: bytes(3), end: bytes(3) },
            { start: bytes(4), end: bytes(2) },
            { start: bytes(2), end: bytes(4) },
            { end: bytes() },
            { end: bytes(1) },
            { start: bytes(5, 0) },
          ];
          for (const options of empty) {
            for (const reverse of [false, true]) {
              assert.deepEqual(keysOf(engine, { ...options, reverse }), [], JSON.stringify({ options, reverse }));
            }
          }
        }));

      test('an iteration sees the snapshot taken when it started, in both directions', () =>
        withEngine(async (engine) => {
          await engine.write(range100().map((value) => put(bytes(value), bytes(value))));
          for (const reverse of [false, true]) {
            const before = keyValuePairs(engine, { reverse });
            const iterator = engine.range({ reverse })[Symbol.iterator]();
            const seen: Array<[number[], number[]]> = [];
            for (let step = 0; step < 10; step++) seen.push(pairOf(iterator.next()));
            const changes: WriteOperation[] = [
              remove(bytes(50)),
              put(bytes(55), bytes(0xee)),
              put(bytes(30, 0), bytes(1)),
              ...range100().filter((value) => value > 80 || value < 5).map((value) => remove(bytes(value))),
            ];
            const durable = engine.write(changes);
            for (let result = iterator.next(); !result.done; result = iterator.next()) seen.push(pairOf(result));
            assert.deepEqual(seen, before);
            await durable;
            const after = keyValuePairs(engine, { reverse });
            assert.notDeepEqual(after, before);
            assert.ok(!after.some(([key]) => key[0] === 50));
            await engine.write(range100().map((value) => put(bytes(value), bytes(value))));
            await engine.write([remove(bytes(30, 0))]);
          }
        }));

      test('each iteration of a range takes a fresh snapshot', () =>
        withEngine(async (engine) => {
          const everything = engine.range({});
          await engine.write([put(bytes(1), bytes(1))]);
          assert.equal([...everything].length, 1);
          await engine.write([put(bytes(2), bytes(2))]);
          assert.equal([...everything].length, 2);
        }));

      test('bytes read with getShared and rangeShared are what get reads, and keep through later writes', () =>
        withEngine(async (engine) => {
          await engine.write(range100().map((value) => put(bytes(value), bytes(value, value))));
          const one = engine.getShared(bytes(15));
          assert.deepEqual(one, engine.get(bytes(15)));
          assert.equal(engine.getShared(bytes(0xff)), undefined);
          const read = [...engine.rangeShared({ start: bytes(10), end: bytes(20) })];
          await engine.write([
            ...range100().map((value) => put(bytes(value), bytes(0, 0, 0))),
            remove(bytes(15)),
          ]);
          assert.deepEqual(one, bytes(15, 15));
          assert.deepEqual(
            read.map(({ key, value }) => [[...key], [...value]]),
            range100().filter((value) => value >= 10 && value < 20).map((value) => [[value], [value, value]]),
          );
        }));

      test('bytes read keep through later reads and writes, of every size, from every kind of read', () =>
        withEngine(async (engine) => {
          // Sizes below and above the engines' read buffers, so later reads reuse or replace them, and
          // enough middling values to need more than one block of any memory reads share.
          const sizes = [0, 1, 60, 200, 40_000, 300_000, ...Array.from({ length: 60 }, (_, index) => 100 + index * 97)];
          const valueOf = (size: number, seed: number): Uint8Array => new Uint8Array(size).map((_, index) => (index * 7 + seed) % 253);
          const keyOf = (index: number): Uint8Array => bytes(index, index);
          await engine.write(sizes.map((size, index) => put(keyOf(index), valueOf(size, index))));
          // In key order, as the keys are made.
          const expected = sizes.map((size, index) => ({ key: keyOf(index), value: valueOf(size, index) }));
          const getters = [engine.get.bind(engine), engine.getShared.bind(engine)];
          const ranges = [engine.range.bind(engine), engine.rangeShared.bind(engine)];
          const keptFromGets = getters.map((read) => expected.map(({ key }) => read(key)));
          const keptFromRanges = ranges.map((range) => [[...range({})], [...range({ reverse: true })].reverse()]);
          for (const range of ranges) [...range({ start: bytes(3) })].forEach(({ key }) => engine.get(key));
          await engine.write(sizes.map((size, index) => put(keyOf(index), new Uint8Array(size).fill(1))));
          for (const kept of keptFromGets) assert.deepEqual(kept, expected.map(({ value }) => value));
          for (const kept of keptFromRanges.flat()) assert.deepEqual(kept, expected);
        }));

      test('breaking out of an iteration ends it cleanly', () =>
        withEngine(async (engine) => {
          await engine.write(range100().map((value) => put(bytes(value), bytes(value))));
          for (let round = 1; round <= 50; round++) {
            for (const entry of engine.range({ start: bytes(round) })) {
              assert.equal(entry.key[0], round);
              break;
            }
            await engine.write([put(bytes(round), bytes(round, round))]);
          }
          assert.deepEqual(engine.get(bytes(50)), bytes(50, 50));
        }));
    });

    describe('close', () => {
      test('close waits for pending writes; afterwards every use throws', async () => {
        const engine = await openFresh();
        let durable = false;
        void engine.write([put(bytes(1), bytes(1))]).then(() => (durable = true));
        await engine.close();
        await Promise.resolve();
        assert.equal(durable, true);
        assert.throws(() => engine.get(bytes(1)));
        assert.throws(() => engine.range({}));
        assert.throws(() => engine.write([put(bytes(1), bytes(1))]));
        assert.throws(() => engine.flush());
        await engine.close(); // closing again does nothing
      });

      test('an iteration still running when the engine closes throws on its next step', async () => {
        const engine = await openFresh();
        await engine.write(range100().map((value) => put(bytes(value), bytes(value))));
        const iterator = engine.range({})[Symbol.iterator]();
        iterator.next();
        await engine.close();
        assert.throws(() => iterator.next());
      });
    });

    describe('against a reference model', () => {
      test('20,000 random keys agree with a sorted reference', () =>
        withEngine(async (engine) => {
          const random = createPrng(20_000);
          const model = new ReferenceModel();
          const keys: StorageKey[] = [];
          for (let batch = 0; batch < 200; batch++) {
            const operations: WriteOperation[] = [];
            for (let index = 0; index < 100; index++) {
              const key = randomBytes(random, 1 + random.nextInt(16));
              keys.push(key);
              operations.push(put(key, randomBytes(random, random.nextInt(32))));
            }
            for (let index = 0; index < 20; index++) {
              operations.push(remove(keys[random.nextInt(keys.length)] as StorageKey));
            }
            model.apply(operations);
            await engine.write(operations);
          }
          for (const key of keys) assert.deepEqual(engine.get(key), model.get(key));
          for (const reverse of [false, true]) {
            assert.deepEqual(entriesOf(engine, { reverse }), model.range({ reverse }));
          }
          for (let query = 0; query < 100; query++) {
            const bounds = [randomBytes(random, 1 + random.nextInt(3)), randomBytes(random, 2)];
            bounds.sort(Buffer.compare);
            const options: RangeOptions = {
              start: bounds[0] as StorageKey,
              end: bounds[1] as StorageKey,
              reverse: random.nextFloat() < 0.5,
              limit: random.nextInt(200),
            };
            assert.deepEqual(entriesOf(engine, options), model.range(options));
            const shared = [...engine.rangeShared(options)].map(({ key, value }) => ({ key: new Uint8Array(key), value: new Uint8Array(value) }));
            assert.deepEqual(shared, model.range(options), 'rangeShared reads what range reads');
          }
        }));

      test('random operation sequences agree with a reference model', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(stepArbitrary, { maxLength: 40, size: 'max' }), async (steps) => {
            const engine = await openFresh();
            const model = new ReferenceModel();
            try {
              for (const step of steps) await checkStep(engine, model, step);
              await engine.flush();
              assert.deepEqual(entriesOf(engine, {}), model.range({}));
            } finally {
              await engine.close();
            }
          }),
          { numRuns: 100 },
        );
      });
    });
  });
}

type ModelStep =
  | { readonly kind: 'write'; readonly operations: WriteOperation[] }
  | { readonly kind: 'get'; readonly key: StorageKey }
  | { readonly kind: 'range'; readonly options: RangeOptions }
  | { readonly kind: 'flush' };

async function checkStep(engine: StorageEngine, model: ReferenceModel, step: ModelStep): Promise<void> {
  switch (step.kind) {
    case 'write':
      model.apply(step.operations);
      void engine.write(step.operations); // not awaited: visibility must not depend on durability
      return;
    case 'get':
      assert.deepEqual(engine.get(step.key), model.get(step.key));
      return;
    case 'range':
      assert.deepEqual(entriesOf(engine, step.options), model.range(step.options));
      return;
    case 'flush':
      await engine.flush();
      return;
    default:
      step satisfies never;
  }
}

/** Few distinct bytes, so keys collide, share prefixes and sit on both sides of 0x7f/0x80. */
const keyArbitrary = fc
  .array(fc.constantFrom(0x00, 0x01, 0x7f, 0x80, 0xff), { minLength: 1, maxLength: 3 })
  .map((values) => new Uint8Array(values));
const boundArbitrary = fc.option(fc.oneof(keyArbitrary, fc.constant(new Uint8Array(0))), { nil: undefined });
const operationArbitrary: fc.Arbitrary<WriteOperation> = fc.oneof(
  fc.record({ key: keyArbitrary, value: fc.uint8Array({ maxLength: 4 }) }).map(({ key, value }) => put(key, value)),
  keyArbitrary.map((key) => remove(key)),
);
const stepArbitrary: fc.Arbitrary<ModelStep> = fc.oneof(
  { weight: 4, arbitrary: fc.array(operationArbitrary, { maxLength: 5 }).map((operations) => ({ kind: 'write' as const, operations })) },
  { weight: 2, arbitrary: keyArbitrary.map((key) => ({ kind: 'get' as const, key })) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        start: boundArbitrary,
        end: boundArbitrary,
        reverse: fc.boolean(),
        limit: fc.option(fc.nat(6), { nil: undefined }),
      })
      .map((options) => ({ kind: 'range' as const, options: withoutUndefined(options) })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
);

function withoutUndefined(options: { start?: StorageKey | undefined; end?: StorageKey | undefined; reverse: boolean; limit?: number | undefined }): RangeOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as RangeOptions;
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function put(key: StorageKey, value: StorageValue): WriteOperation {
  return { kind: 'put', key, value };
}

function remove(key: StorageKey): WriteOperation {
  return { kind: 'delete', key };
}

function range100(): number[] {
  return Array.from({ length: 100 }, (_, index) => index + 1);
}

/** Entries as plain Uint8Arrays, so engines returning Buffers compare equal to the reference. */
function entriesOf(engine: StorageEngine, options: RangeOptions): Array<{ key: StorageKey; value: StorageValue }> {
  return [...engine.range(options)].map(({ key, value }) => ({ key: new Uint8Array(key), value: new Uint8Array(value) }));
}

function keysOf(engine: StorageEngine, options: RangeOptions): number[][] {
  return [...engine.range(options)].map(({ key }) => [...key]);
}

function keyValuePairs(engine: StorageEngine, options: RangeOptions): Array<[number[], number[]]> {
  return [...engine.range(options)].map(({ key, value }) => [[...key], [...value]]);
}

function pairOf(result: IteratorResult<{ key: StorageKey; value: StorageValue }>): [number[], number[]] {
  assert.ok(!result.done, 'the iteration ended early');
  return [[...result.value.key], [...result.value.value]];
}
