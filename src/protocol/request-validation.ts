import { checkAttributeValueTypes } from '../model/validate-attribute-value.js';
import { validateRequestShape, type OperationName, type ShapeHooks } from './shapes/index.js';

/**
 * DynamoDB deserialises a whole request before it validates anything, so a mistyped attribute value
 * anywhere (a SerializationException) is reported before any constraint violation. Other problems inside
 * attribute values are the operation's to report, after the shape's constraints.
 */
const hooks: ShapeHooks = { attributeValue: checkAttributeValueTypes };

export function validateRequest(operation: OperationName, body: unknown): void {
  validateRequestShape(operation, body, hooks);
}
