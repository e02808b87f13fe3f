import { readFileSync } from 'node:fs';
import type { SigningCredentials } from '../protocol/sigv4/signature-verifier.js';

/**
 * The access keys a server with --verify-signatures accepts: from a credentials file when one is given,
 * otherwise from the standard AWS environment variables. Messages name files and keys, never secrets
 * (nor parser messages, which can quote the text around an error).
 */
export type CredentialsResult =
  | { readonly ok: true; readonly credentials: readonly SigningCredentials[] }
  | { readonly ok: false; readonly message: string };

export function loadSigningCredentials(
  credentialsFile: string | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): CredentialsResult {
  if (credentialsFile === undefined) return credentialsFromEnvironment(environment);
  let text: string;
  try {
    text = readFileSync(credentialsFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, message: `cannot read credentials file ${credentialsFile} (${code})` };
  }
  const parsed = parseCredentialsText(text);
  if (!parsed.ok) return { ok: false, message: `credentials file ${credentialsFile}: ${parsed.message}` };
  return parsed;
}

function credentialsFromEnvironment(environment: Readonly<Record<string, string | undefined>>): CredentialsResult {
  const accessKeyId = environment['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = environment['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) {
    return {
      ok: false,
      message:
        '--verify-signatures needs credentials: give --credentials <file> or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    };
  }
  return { ok: true, credentials: [withSessionToken({ accessKeyId, secretAccessKey }, environment['AWS_SESSION_TOKEN'])] };
}

/**
 * A JSON file holds one `{accessKeyId, secretAccessKey, sessionToken?}` object or an array of them; any
 * other text is read as an AWS credentials file, each profile with both keys giving one credential.
 */
export function parseCredentialsText(text: string): CredentialsResult {
  const trimmed = text.trim();
  // `[default]` opens an INI profile, `[{` or `[]` a JSON array.
  const isJson = trimmed.startsWith('{') || /^\[\s*[{\]]/.test(trimmed);
  const credentials = isJson ? parseJson(trimmed) : parseIni(trimmed);
  if (typeof credentials === 'string') return { ok: false, message: credentials };
  if (credentials.length === 0) return { ok: false, message: 'holds no access key with its secret access key' };
  return { ok: true, credentials };
}

function parseJson(text: string): SigningCredentials[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not valid JSON';
  }
  const entries = Array.isArray(value) ? value : [value];
  const credentials: SigningCredentials[] = [];
  for (const [index, entry] of entries.entries()) {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { accessKeyId, secretAccessKey, sessionToken } = record;
    if (typeof accessKeyId !== 'string' || accessKeyId === '' || typeof secretAccessKey !== 'string' || secretAccessKey === '') {
      return `entry ${index} needs a non-empty accessKeyId and secretAccessKey`;
    }
    if (sessionToken !== undefined && typeof sessionToken !== 'string') return `entry ${index}: sessionToken must be a string`;
    credentials.push(withSessionToken({ accessKeyId, secretAccessKey }, sessionToken));
  }
  return credentials;
}

function parseIni(text: string): SigningCredentials[] | string {
  const profiles: Array<Map<string, string>> = [];
  let current: Map<string, string> | undefined;
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      current = new Map();
      profiles.push(current);
      continue;
    }
    const equals = line.indexOf('=');
    if (equals < 0 || current === undefined) return `line ${index + 1} is neither a [profile] nor a key = value line`;
    current.set(line.slice(0, equals).trim().toLowerCase(), line.slice(equals + 1).trim());
  }
  const credentials: SigningCredentials[] = [];
  for (const profile of profiles) {
    const accessKeyId = profile.get('aws_access_key_id');
    const secretAccessKey = profile.get('aws_secret_access_key');
    if (!accessKeyId || !secretAccessKey) continue;
    credentials.push(withSessionToken({ accessKeyId, secretAccessKey }, profile.get('aws_session_token')));
  }
  return credentials;
}

function withSessionToken(credentials: SigningCredentials, sessionToken: string | undefined): SigningCredentials {
  return sessionToken ? { ...credentials, sessionToken } : credentials;
}
