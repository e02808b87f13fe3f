import { validateKey } from '../../model/key-schema.js';
import { validateItem } from '../../model/validate-attribute-value.js';
import { resourceNotFound, validationError } from '../../lib/errors.js';
import { projectExpression } from '../../expressions/project-item.js';
import { readCapacityUnits } from '../../partition/capacity.js';
import { encodeItemKey } from '../../partition/item-key.js';
import type { Router } from '../../router/router.js';
import type { TransactionGetAction } from '../../router/transaction-types.js';
import { validateRequest } from '../request-validation.js';
import type { TransactGetItemsRequest } from '../shapes/index.js';
import type { TableDirectory } from './item-operations.js';
import { checkExpressionMembers, itemExpressions, type ItemExpressionMembers, type ItemExpressions } from './item-expressions.js';
import { cancellationReasons, noReason, transactionCanceled } from './transact-cancellation.js';
import { TransactionCapacity } from './transact-capacity.js';
import { transactionMessages } from './transact-write-plan.js';
import type { StoredItem } from '../../partition/stored-item.js';
import { preparedBody, RawJson, type PreparedBody } from '../prepared-body.js';

type Response = Record<string, unknown>;

interface PlannedGet extends TransactionGetAction {
  readonly expressions: ItemExpressions;
}

/**
 * TransactGetItems: every item read in one step (a snapshot across tables), answered in request order,
 * `{}` for an item that is not there; each read costs transactional units (twice a strong read).
 */
export function createTransactGetItems(tables: TableDirectory, router: Router) {
  return async function TransactGetItems(body: unknown): Promise<PreparedBody> {
    validateRequest('TransactGetItems', body);
    const request = body as TransactGetItemsRequest;
    const gets = request.TransactItems.map((entry): PlannedGet => {
      const get = entry.Get;
      checkExpressionMembers('GetItem', get as ItemExpressionMembers);
      const expressions = itemExpressions(get as ItemExpressionMembers);
      const key = validateItem(get.Key);
      const route = get.TableName === undefined ? undefined : tables.routeFor(get.TableName);
      if (route === undefined) throw resourceNotFound();
      validateKey(key, route.schema.key);
      return { route, key, expressions };
    });
    checkDistinctGets(gets);
    const outcomes = await router.transactGet(gets);
    if (outcomes.some((outcome) => outcome.kind === 'conflict')) {
      throw transactionCanceled(outcomes.map((outcome) => (outcome.kind === 'conflict' ? cancellationReasons.conflict() : noReason)));
    }
    const capacity = new TransactionCapacity();
    const responses = outcomes.map((outcome, index) => {
      const get = gets[index] as PlannedGet;
      const item = outcome.kind === 'item' ? outcome.item : undefined;
      capacity.addRead(get.route, readCapacityUnits(item?.sizeBytes ?? 0, 'transactional'));
      return item === undefined ? {} : { Item: answered(item, get.expressions) };
    });
    const response: Response = { Responses: responses };
    const consumed = capacity.render(request.ReturnConsumedCapacity);
    if (consumed !== undefined) response['ConsumedCapacity'] = consumed;
    return preparedBody(response);
  };
}

/** An item answered whole goes into the response as its stored JSON; a projected one is parsed first. */
function answered(item: StoredItem, expressions: ItemExpressions): RawJson {
  return expressions.projection === undefined
    ? new RawJson(item.json)
    : RawJson.of(projectExpression(item.item, expressions.projection, expressions.bindings));
}

function checkDistinctGets(gets: readonly PlannedGet[]): void {
  const seen = new Set<string>();
  for (const get of gets) {
    const name = `${get.route.tableName}\u0000${Array.from(encodeItemKey(get.key, get.route.schema.key).bytes).join(',')}`;
    if (seen.has(name)) throw validationError(transactionMessages.sameItem);
    seen.add(name);
  }
}
