/**
 * SSESpecification rules shared by CreateTable and UpdateTable (DynamoDB 2026, ack-api-quirks lab):
 * Enabled=false takes neither SSEType nor KMSMasterKeyId; AES256 is refused; a key needs SSEType=KMS.
 * An absent Enabled follows SSEType: {} keeps the AWS-owned default key, {SSEType: KMS} turns KMS on.
 */
import type { SseSpecification } from './control-plane-requests.js';
import { tableErrors } from './table-errors.js';
import { awsManagedKeyArn, resolveKmsKeyArn } from './kms-keys.js';

export function checkSseSpecification(specification: SseSpecification): void {
  if (specification.Enabled === false) {
    if (specification.SSEType !== undefined) throw tableErrors.sseTypeWhileDisabled();
    if (specification.KMSMasterKeyId !== undefined) throw tableErrors.kmsKeyWhileDisabled();
  }
  if (specification.SSEType === 'AES256') throw tableErrors.aes256NotSupported();
  if (specification.KMSMasterKeyId !== undefined && specification.SSEType !== 'KMS') throw tableErrors.kmsTypeRequiredForKey();
}

/** Whether the specification asks for a KMS key (true) or the AWS-owned default (false). */
export function wantsKmsEncryption(specification: SseSpecification): boolean {
  return specification.Enabled ?? specification.SSEType === 'KMS';
}

/** The key ARN a KMS specification names: the given key, or the AWS managed alias/aws/dynamodb. */
export function requestedKeyArn(specification: SseSpecification, region: string, accountId: string): string {
  const keyId = specification.KMSMasterKeyId;
  return keyId === undefined ? awsManagedKeyArn(region, accountId) : resolveKmsKeyArn(keyId, region, accountId);
}
