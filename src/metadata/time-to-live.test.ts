import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activeTable, createContext, fixtureNowMs, hashTable, thrownError } from './control-plane-fixtures.js';
import { createTableDefinition } from './create-table.js';
import type { TableDefinition } from './table-definition.js';
import { startTableDeletion } from './table-transitions.js';
import { applyUpdateTimeToLive, describeTimeToLive, expiryAttributeOf, type TimeToLiveTiming } from './time-to-live.js';
import { timeToLiveLimits } from './time-to-live-limits.js';

const timing: TimeToLiveTiming = { nowMs: fixtureNowMs, transitionMs: 0, changeIntervalMs: timeToLiveLimits.changeIntervalMs };
const later = (ms: number): TimeToLiveTiming => ({ ...timing, nowMs: fixtureNowMs + ms });
const invalid = (message: string) => ({ type: 'ValidationException', message });

function update(table: TableDefinition, enabled: boolean, attributeName: string, at: TimeToLiveTiming = timing): TableDefinition {
  return applyUpdateTimeToLive(table, { TableName: table.tableName, TimeToLiveSpecification: { Enabled: enabled, AttributeName: attributeName } }, at).definition;
}

function updateError(table: TableDefinition, enabled: boolean, attributeName: string, at: TimeToLiveTiming = timing) {
  return thrownError(() => update(table, enabled, attributeName, at));
}

describe('UpdateTimeToLive rules', () => {
  const table = activeTable(hashTable);
  const enabled = update(table, true, 'expires');

  it('enables, echoing the specification', () => {
    const outcome = applyUpdateTimeToLive(table, { TableName: 'orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }, timing);
    assert.deepEqual(outcome.response, { TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } });
    assert.deepEqual(outcome.definition.timeToLive, { enabled: true, attributeName: 'expires', changedMs: fixtureNowMs });
  });

  it('accepts the partition key as the TTL attribute, as DynamoDB does', () => {
    assert.equal(update(table, true, 'id').timeToLive?.attributeName, 'id');
  });

  it('refuses what changes nothing, and another attribute while enabled', () => {
    assert.deepEqual(updateError(table, false, 'expires'), invalid('TimeToLive is already disabled'));
    assert.deepEqual(updateError(enabled, true, 'expires', later(2 * timing.changeIntervalMs)), invalid('TimeToLive is already enabled'));
    const different = invalid('TimeToLive is active on a different AttributeName: current AttributeName is expires');
    assert.deepEqual(updateError(enabled, true, 'other', later(2 * timing.changeIntervalMs)), different);
    assert.deepEqual(updateError(enabled, false, 'other', later(2 * timing.changeIntervalMs)), different);
  });

  it('judges the request before the change interval', () => {
    assert.deepEqual(updateError(enabled, true, 'expires', later(1)), invalid('TimeToLive is already enabled'));
    assert.deepEqual(updateError(enabled, true, 'other', later(1)), invalid('TimeToLive is active on a different AttributeName: current AttributeName is expires'));
  });

  it('refuses a second change within the interval, and accepts it after', () => {
    const tooSoon = invalid('Time to live has been modified multiple times within a fixed interval');
    assert.deepEqual(updateError(enabled, false, 'expires', later(timing.changeIntervalMs - 1)), tooSoon);
    const disabled = update(enabled, false, 'expires', later(timing.changeIntervalMs));
    assert.deepEqual(disabled.timeToLive, { enabled: false, attributeName: 'expires', changedMs: fixtureNowMs + timing.changeIntervalMs });
    assert.deepEqual(updateError(disabled, true, 'other', later(timing.changeIntervalMs + 1)), tooSoon);
    assert.equal(update(disabled, true, 'other', later(2 * timing.changeIntervalMs)).timeToLive?.attributeName, 'other');
  });

  it('refuses an empty attribute name before anything else', () => {
    assert.deepEqual(updateError(table, false, ''), invalid('TimeToLiveSpecification.AttributeName must be non empty'));
  });

  it('refuses a table being created or deleted', () => {
    const creating = createTableDefinition(hashTable, createContext);
    assert.deepEqual(updateError(creating, true, 'expires'), {
      type: 'ResourceInUseException',
      message: 'Attempt to change a resource which is still in use: Table orders is being created',
    });
    assert.deepEqual(updateError(startTableDeletion(table), true, 'expires'), {
      type: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: orders not found',
    });
  });
});

describe('DescribeTimeToLive rules', () => {
  const table = activeTable(hashTable);
  const settling = { nowMs: fixtureNowMs, transitionMs: 1000 };

  it('describes a table that never had TTL as DISABLED, without an attribute', () => {
    assert.deepEqual(describeTimeToLive(table, timing), { TimeToLiveStatus: 'DISABLED' });
  });

  it('goes ENABLING → ENABLED and DISABLING → DISABLED, forgetting the attribute once disabled', () => {
    const enabled = update(table, true, 'expires');
    assert.deepEqual(describeTimeToLive(enabled, settling), { TimeToLiveStatus: 'ENABLING', AttributeName: 'expires' });
    assert.deepEqual(describeTimeToLive(enabled, { ...settling, nowMs: fixtureNowMs + 1000 }), { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    const disabled = update(enabled, false, 'expires', later(timing.changeIntervalMs));
    const disabledAt = fixtureNowMs + timing.changeIntervalMs;
    assert.deepEqual(describeTimeToLive(disabled, { nowMs: disabledAt, transitionMs: 1000 }), { TimeToLiveStatus: 'DISABLING', AttributeName: 'expires' });
    assert.deepEqual(describeTimeToLive(disabled, { nowMs: disabledAt + 1000, transitionMs: 1000 }), { TimeToLiveStatus: 'DISABLED' });
  });

  it('refuses a table being created or deleted', () => {
    const creating = createTableDefinition(hashTable, createContext);
    const message = (status: string) => `Cannot describe time to live while table is in ${status} state: Current table state is ${status}`;
    assert.deepEqual(thrownError(() => describeTimeToLive(creating, timing)), invalid(message('CREATING')));
    assert.deepEqual(thrownError(() => describeTimeToLive(startTableDeletion(table), timing)), invalid(message('DELETING')));
  });
});

describe('expiryAttributeOf', () => {
  it('names the attribute only while TTL is ENABLED', () => {
    const table = activeTable(hashTable);
    const enabled = update(table, true, 'expires');
    assert.equal(expiryAttributeOf(table, timing), undefined);
    assert.equal(expiryAttributeOf(enabled, { nowMs: fixtureNowMs, transitionMs: 1000 }), undefined);
    assert.equal(expiryAttributeOf(enabled, timing), 'expires');
    assert.equal(expiryAttributeOf(update(enabled, false, 'expires', later(timing.changeIntervalMs)), later(timing.changeIntervalMs)), undefined);
    assert.equal(expiryAttributeOf(startTableDeletion(enabled), timing), undefined);
  });
});
