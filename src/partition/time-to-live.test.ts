import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Item } from '../model/attribute-value.js';
import { MemoryStorageEngine } from '../storage/memory-engine.js';
import { decideItemWrite } from './item-command.js';
import { encodeItemKey } from './item-key.js';
import { Partition } from './partition.js';
import type { PartitionSchema } from './partition-schema.js';
import { keyspace, partitionPrefix, prefixEnd } from './storage-keys.js';
import { EXPIRY_AGE_SECONDS_MAX, isExpired, type ExpiryCommand } from './time-to-live.js';
import { rateShareAt, WorkPacer } from './time-to-live-pacing.js';
import type { WriteLogEntry } from './write-log.js';

const now = 1_800_000_000;
const withTtl = (value: Item[string]): Item => ({ pk: { S: 'a' }, expires: value });

describe('isExpired', () => {
  it('expires a Number of epoch seconds before now', () => {
    assert.equal(isExpired(withTtl({ N: String(now - 1) }), 'expires', now), true);
    assert.equal(isExpired(withTtl({ N: '1799999999.5' }), 'expires', now), true);
    assert.equal(isExpired(withTtl({ N: '17999999995E-1' }), 'expires', now), true);
  });

  it('keeps items whose time has not come, and now itself', () => {
    assert.equal(isExpired(withTtl({ N: String(now) }), 'expires', now), false);
    assert.equal(isExpired(withTtl({ N: String(now + 1) }), 'expires', now), false);
    assert.equal(isExpired(withTtl({ N: '9.9999999999999999999999999999999999999E+125' }), 'expires', now), false);
  });

  it('never expires values more than five years in the past', () => {
    assert.equal(isExpired(withTtl({ N: String(now - EXPIRY_AGE_SECONDS_MAX) }), 'expires', now), true);
    assert.equal(isExpired(withTtl({ N: String(now - EXPIRY_AGE_SECONDS_MAX - 1) }), 'expires', now), false);
    assert.equal(isExpired(withTtl({ N: '0' }), 'expires', now), false);
    assert.equal(isExpired(withTtl({ N: '-5' }), 'expires', now), false);
  });

  it('never expires other types, or items without the attribute', () => {
    for (const value of [{ S: String(now - 10) }, { NS: [String(now - 10)] }, { BOOL: true }, { NULL: true as const }, { L: [{ N: '1' }] }]) {
      assert.equal(isExpired(withTtl(value), 'expires', now), false, JSON.stringify(value));
    }
    assert.equal(isExpired({ pk: { S: 'a' } }, 'expires', now), false);
    assert.equal(isExpired(withTtl({ N: String(now - 10) }), 'other', now), false);
  });

  it('agrees with a plain comparison for every integer number of seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), (seconds) => {
        const expected = seconds < now && now - seconds <= EXPIRY_AGE_SECONDS_MAX;
        assert.equal(isExpired(withTtl({ N: String(seconds) }), 'expires', now), expected);
      }),
    );
  });
});

describe('a TTL deletion at the partition', () => {
  const schema: PartitionSchema = {
    tableName: 'expiring',
    key: { partitionKey: { name: 'pk', type: 'S' } },
    localIndexes: [],
    globalIndexes: [{ name: 'byGroup', key: { partitionKey: { name: 'group', type: 'S' } }, projection: { type: 'ALL' }, partitions: [{ partitionId: 9, hashStart: 0 }] }],
  };
  const expire: ExpiryCommand = { kind: 'expire', attributeName: 'expires', nowSeconds: now };
  const key = encodeItemKey({ pk: { S: 'a' } }, schema.key);

  function logOf(engine: MemoryStorageEngine): WriteLogEntry[] {
    const start = partitionPrefix(keyspace.writeLog, 1);
    return [...engine.range({ start, end: prefixEnd(start) })].map((entry) => JSON.parse(Buffer.from(entry.value).toString('utf8')) as WriteLogEntry);
  }

  it('deletes an expired item and marks its write-log entry as made by Time to Live', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(1, schema, engine);
    const item: Item = { pk: { S: 'a' }, group: { S: 'g' }, expires: { N: String(now - 5) } };
    partition.write(key, () => ({ kind: 'put', item }));
    const outcome = partition.write(key, (old) => decideItemWrite(expire, old, schema));
    assert.equal(outcome.ok, true);
    assert.equal(partition.read(key), undefined);
    const [put, removal] = logOf(engine);
    assert.equal(put?.origin, undefined);
    assert.deepEqual(removal, { sequence: 2, old: item, timeMs: 0, origin: 'timeToLive' }); // JSON drops the absent new image
  });

  it('leaves an item whose TTL a concurrent write extended, and writes nothing', () => {
    const engine = new MemoryStorageEngine();
    const partition = new Partition(1, schema, engine);
    partition.write(key, () => ({ kind: 'put', item: { pk: { S: 'a' }, expires: { N: String(now + 3600) } } }));
    const outcome = partition.write(key, (old) => decideItemWrite(expire, old, schema));
    assert.deepEqual(outcome, { ok: false, reason: { kind: 'conditionFailed' }, old: { pk: { S: 'a' }, expires: { N: String(now + 3600) } } });
    assert.equal(logOf(engine).length, 1);
    assert.equal(partition.lastSequence, 1);
  });

  it('does nothing for an item already gone', () => {
    const partition = new Partition(1, schema, new MemoryStorageEngine());
    assert.equal(partition.write(key, (old) => decideItemWrite(expire, old, schema)).ok, false);
    assert.equal(partition.lastSequence, 0);
  });
});

describe('WorkPacer', () => {
  it('grants whole batches of at most a burst, at its rate', () => {
    const pacer = new WorkPacer(1000, 0);
    assert.equal(pacer.take(500, 0), 100);
    assert.equal(pacer.take(25, 0), 0);
    assert.equal(pacer.waitMs(25, 0), 25);
    assert.equal(pacer.take(25, 20), 0);
    assert.equal(pacer.take(25, 25), 25);
    assert.equal(pacer.take(500, 1025), 100);
  });

  it('grants one unit at a time below ten a second', () => {
    const pacer = new WorkPacer(2, 0);
    assert.equal(pacer.take(5, 0), 1);
    assert.equal(pacer.take(5, 0), 0);
    assert.equal(pacer.waitMs(5, 0), 500);
    assert.equal(pacer.take(5, 500), 1);
  });

  it('never exceeds its rate over a long run, whatever is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 300 })), { maxLength: 200 }), (steps) => {
        const pacer = new WorkPacer(200, 0);
        let nowMs = 0;
        let granted = 0;
        for (const [wanted, advanceMs] of steps) {
          nowMs += advanceMs;
          granted += pacer.take(wanted, nowMs);
        }
        assert.ok(granted <= 20 + (nowMs * 200) / 1000, `${granted} granted in ${nowMs} ms`);
      }),
    );
  });

  it('grants a waiting batch once the wait has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (rate, wanted, startMs) => {
        const pacer = new WorkPacer(rate, 0);
        while (pacer.take(wanted, startMs) > 0);
        assert.ok(pacer.take(wanted, startMs + pacer.waitMs(wanted, startMs)) > 0);
      }),
    );
  });
});

describe('rateShareAt', () => {
  it('gives way as the node gets busy, down to a floor', () => {
    assert.equal(rateShareAt(0), 1);
    assert.equal(rateShareAt(0.5), 0.25);
    assert.equal(rateShareAt(0.9), 0.1);
    assert.equal(rateShareAt(1), 0.1);
    assert.equal(rateShareAt(1.5), 0.1);
  });

  it('slows a pacer under load', () => {
    const idle = new WorkPacer(1000, 0);
    const busy = new WorkPacer(1000, 0);
    let idleGranted = 0;
    let busyGranted = 0;
    for (let nowMs = 0; nowMs <= 10_000; nowMs += 5) {
      idleGranted += idle.take(25, nowMs, rateShareAt(0));
      busyGranted += busy.take(25, nowMs, rateShareAt(0.5));
    }
    assert.ok(idleGranted >= 10_000 && idleGranted <= 10_100, `${idleGranted}`);
    assert.ok(busyGranted >= 2_500 && busyGranted <= 2_600, `${busyGranted}`);
  });
});
