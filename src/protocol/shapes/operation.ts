/** An operation's request definition: its input structure and the checks made before its constraints. */
import type { Precondition } from './preconditions.js';
import { type MembersOf, structure, type StructureShape } from './shape.js';

export interface OperationShape {
  readonly input: StructureShape;
  readonly preconditions: readonly Precondition[];
}

/** Defines the request of `operation`; its input structure is named `<operation>Input`, as DynamoDB names it. */
export function operationShape<T>(operation: string, members: MembersOf<T>, preconditions: readonly Precondition[] = []): OperationShape {
  return { input: structure<T>(`${operation}Input`, members), preconditions };
}
