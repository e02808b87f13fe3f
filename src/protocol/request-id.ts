import { randomBytes } from 'node:crypto';

const REQUEST_ID_LENGTH = 52;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Random bytes drawn in bulk: one system call serves many requests. */
const POOL_BYTES = REQUEST_ID_LENGTH * 256;

let pool = randomBytes(POOL_BYTES);
let poolOffset = 0;

/** A request id of DynamoDB's form: 52 characters of [0-9A-Z]. */
export function newRequestId(): string {
  if (poolOffset + REQUEST_ID_LENGTH > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  let id = '';
  for (let index = 0; index < REQUEST_ID_LENGTH; index++) {
    id += ALPHABET[(pool[poolOffset + index] as number) % ALPHABET.length];
  }
  poolOffset += REQUEST_ID_LENGTH;
  return id;
}
