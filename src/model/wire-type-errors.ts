/**
 * DynamoDB's SerializationException messages for a JSON value of the wrong kind inside an attribute
 * value. DynamoDB's deserializer converts the whole request before anything is validated, so these
 * messages win over every ValidationException; the wording (Java class names and all) is what the service
 * returns.
 */
import { type DynamoDbError, serializationError } from '../lib/errors.js';

const structureFound = 'Start of structure or map found where not expected';

/** What the deserializer calls a JSON scalar it did not expect. */
function scalarToken(value: boolean | number): string {
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
}

/** For S, N and the members of SS and NS, whose wire type is a string. */
export function notAString(value: unknown): DynamoDbError {
  if (Array.isArray(value)) return serializationError('Unrecognized collection type class java.lang.String');
  if (typeof value === 'object') return serializationError(structureFound);
  return serializationError(`${scalarToken(value as boolean | number)} cannot be converted to String`);
}

/** For BOOL and NULL, whose wire type is a boolean. */
export function notABoolean(value: unknown): DynamoDbError {
  if (Array.isArray(value)) return serializationError('Unrecognized collection type class java.lang.Boolean');
  if (typeof value === 'object') return serializationError(structureFound);
  if (typeof value === 'string') return serializationError('Unexpected token received from parser');
  return serializationError(`${scalarToken(value as boolean | number)} cannot be converted to Boolean`);
}

/** For B and the members of BS, whose wire type is a base64 blob. */
export function notABlob(value: unknown): DynamoDbError {
  if (Array.isArray(value)) return serializationError('Unrecognized collection type class java.nio.ByteBuffer');
  if (typeof value === 'object') return serializationError(structureFound);
  return serializationError('only base-64-encoded strings are convertible to bytes');
}

/** For SS, NS, BS and L, whose wire type is a list. */
export function notAList(value: unknown): DynamoDbError {
  if (typeof value === 'object') return serializationError(structureFound);
  return serializationError('Unexpected field type');
}

/** For M and for an item or key, whose wire type is a map of attribute values. */
export function notAMap(value: unknown): DynamoDbError {
  if (Array.isArray(value)) {
    return serializationError(
      'Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>',
    );
  }
  return serializationError('Unexpected field type');
}

/** For an attribute value itself (a map value or a list element), whose wire type is a structure. */
export function notAnAttributeValue(value: unknown): DynamoDbError {
  if (Array.isArray(value)) {
    return serializationError('Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue');
  }
  return serializationError('Unexpected value type in payload');
}

/**
 * The deserializer's reading of a JSON boolean field given as a string: it accepts the usual words in any
 * case and refuses the rest. Returns undefined for a string it refuses.
 */
export function booleanFromWord(word: string): boolean | undefined {
  switch (word.toLowerCase()) {
    case 'true':
    case 'yes':
    case '1':
      return true;
    case 'false':
    case 'no':
    case '0':
      return false;
    default:
      return undefined;
  }
}
