/**
 * The check DynamoDB makes on a projection once its placeholders are bound: like an update's actions, no
 * two projected paths may overlap or conflict (`a, a.b` or `a.b, a[1]`).
 */
import type { Projection } from './ast.js';
import type { Bindings } from './bindings.js';
import { resolvePath } from './document-path.js';
import { checkPathsDisjoint } from './validate-update.js';

export function validateProjection(projection: Projection, bindings: Bindings): void {
  checkPathsDisjoint(
    'ProjectionExpression',
    projection.paths.map((path) => resolvePath(path, bindings)),
  );
}
