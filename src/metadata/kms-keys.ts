/**
 * KMS key identities for server-side encryption. dynacell encrypts nothing with KMS itself; it records
 * which key a table names so that SSEDescription reads as DynamoDB's would. Key ids a client gives
 * (a key id, an alias name, a key or alias ARN) become key ARNs the way KMS resolves them; aliases, which
 * only KMS could look up, map to a stable key id derived from the alias, so the same alias always names
 * the same key.
 */
const managedAlias = 'alias/aws/dynamodb';

/** 32-bit FNV-1a: small, stable and dependency-free; collisions only matter within one account. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A UUID-shaped key id (version 4 layout) that always comes out the same for the same text. */
export function stableKeyId(text: string): string {
  const hex = [1, 2, 3, 4].map((seed) => fnv1a(text, seed).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

/** The AWS managed key alias/aws/dynamodb: one per account and region. */
export function awsManagedKeyArn(region: string, accountId: string): string {
  return keyArn(region, accountId, stableKeyId(`${accountId}:${region}:${managedAlias}`));
}

/** The key ARN a KMSMasterKeyId resolves to. */
export function resolveKmsKeyArn(kmsMasterKeyId: string, region: string, accountId: string): string {
  const aliasArn = /^arn:aws:kms:([^:]+):(\d+):(alias\/.+)$/.exec(kmsMasterKeyId);
  if (aliasArn !== null) return resolveAlias(aliasArn[3] as string, aliasArn[1] as string, aliasArn[2] as string);
  if (kmsMasterKeyId.startsWith('arn:')) return kmsMasterKeyId;
  if (kmsMasterKeyId.startsWith('alias/')) return resolveAlias(kmsMasterKeyId, region, accountId);
  return keyArn(region, accountId, kmsMasterKeyId);
}

function resolveAlias(alias: string, region: string, accountId: string): string {
  if (alias === managedAlias) return awsManagedKeyArn(region, accountId);
  return keyArn(region, accountId, stableKeyId(`${accountId}:${region}:${alias}`));
}
