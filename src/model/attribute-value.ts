/**
 * Attribute values in their wire form (DynamoDB JSON). dynacell keeps items in this form end to end:
 * numbers as canonical decimal strings, binaries as base64 strings. Validation (model/validate-*.ts)
 * turns client input into values that satisfy every rule below.
 */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: AttributeMap };

export type AttributeMap = { readonly [name: string]: AttributeValue };

/** An item, or a key: attribute name → value. */
export type Item = AttributeMap;

export type AttributeType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'SS' | 'NS' | 'BS' | 'L' | 'M';

/** The types a key attribute (table or index) may have. */
export type ScalarAttributeType = 'S' | 'N' | 'B';

/** The value of a key attribute: one of the scalar types a key may have. */
export type KeyValue = { readonly S: string } | { readonly N: string } | { readonly B: string };

export const attributeTypes: readonly AttributeType[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'];
