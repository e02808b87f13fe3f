import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatUtcIsoWithoutZone, formatUtcLongDateTime, nextUtcDayStartMs, streamLabelAt, utcDayStartMs } from './utc-time-format.js';

describe('UTC time formats', () => {
  it('writes the long form of the decrease-limit message', () => {
    assert.equal(formatUtcLongDateTime(Date.UTC(2026, 9, 8, 23, 20, 48)), 'Thursday, October 8, 2026 at 11:20:48 PM Coordinated Universal Time');
    assert.equal(formatUtcLongDateTime(Date.UTC(2026, 9, 9, 0, 0, 0)), 'Friday, October 9, 2026 at 12:00:00 AM Coordinated Universal Time');
    assert.equal(formatUtcLongDateTime(Date.UTC(2026, 9, 9, 1, 21, 34)), 'Friday, October 9, 2026 at 1:21:34 AM Coordinated Universal Time');
    assert.equal(formatUtcLongDateTime(Date.UTC(2026, 9, 9, 12, 5, 9)), 'Friday, October 9, 2026 at 12:05:09 PM Coordinated Universal Time');
  });

  it('writes stream labels and retry times without a zone', () => {
    assert.equal(formatUtcIsoWithoutZone(Date.UTC(2026, 9, 8, 23, 7, 38, 207)), '2026-10-08T23:07:38.207');
    assert.equal(streamLabelAt(Date.UTC(2024, 10, 18, 14, 36, 44, 149)), '2024-11-18T14:36:44.149');
  });

  it('finds UTC day boundaries', () => {
    const inDay = Date.UTC(2026, 9, 8, 23, 59, 59, 999);
    assert.equal(utcDayStartMs(inDay), Date.UTC(2026, 9, 8));
    assert.equal(nextUtcDayStartMs(inDay), Date.UTC(2026, 9, 9));
  });
});
