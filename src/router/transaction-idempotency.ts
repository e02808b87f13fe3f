import { limits } from '../lib/limits.js';

/** What a TransactWriteItems with a ClientRequestToken must do, given the tokens seen so far. */
export type TokenAdmission =
  | { readonly kind: 'run' }
  /** The same request already succeeded: answer as then, without applying it again. */
  | { readonly kind: 'replay'; readonly response: Readonly<Record<string, unknown>> }
  /** The token was used for a different request. */
  | { readonly kind: 'mismatch' }
  /** The same token's first request has not finished yet. */
  | { readonly kind: 'inProgress' };

interface CompletedToken {
  readonly fingerprint: string;
  readonly response: Readonly<Record<string, unknown>>;
  readonly completedAtMs: number;
}

/**
 * ClientRequestToken idempotency: a token stays valid for 10 minutes after the first request that used it
 * completed. Time comes from the injected clock. Tokens are kept in completion order, so expired ones are
 * dropped from the front; the number kept is bounded, the oldest going first when it is reached.
 */
export class TransactionTokens {
  private readonly completed = new Map<string, CompletedToken>();
  private readonly running = new Map<string, string>();

  constructor(
    private readonly nowMs: () => number,
    private readonly windowMs: number = limits.transactionIdempotencyMs,
    private readonly tokensMax: number = 100_000,
  ) {}

  admit(token: string, fingerprint: string): TokenAdmission {
    this.expire();
    const completed = this.completed.get(token);
    if (completed !== undefined) {
      return completed.fingerprint === fingerprint ? { kind: 'replay', response: completed.response } : { kind: 'mismatch' };
    }
    const running = this.running.get(token);
    if (running !== undefined) return running === fingerprint ? { kind: 'inProgress' } : { kind: 'mismatch' };
    this.running.set(token, fingerprint);
    return { kind: 'run' };
  }

  /** The admitted request succeeded: its answer is kept for the window. */
  succeeded(token: string, fingerprint: string, response: Readonly<Record<string, unknown>>): void {
    this.running.delete(token);
    this.completed.set(token, { fingerprint, response, completedAtMs: this.nowMs() });
    while (this.completed.size > this.tokensMax) {
      const oldest = this.completed.keys().next();
      if (oldest.done === true) break;
      this.completed.delete(oldest.value);
    }
  }

  /** The admitted request failed (nothing was written): the token may be used again. */
  failed(token: string): void {
    this.running.delete(token);
  }

  private expire(): void {
    const now = this.nowMs();
    for (const [token, entry] of this.completed) {
      if (now - entry.completedAtMs < this.windowMs) break;
      this.completed.delete(token);
    }
  }
}

/**
 * A request's identity for idempotency: its members in a fixed order, whatever order the client sent.
 * Iterative, with an explicit stack: it runs before the request's values are validated, so it must not
 * recurse into however deep a client nested them.
 */
export function requestFingerprint(value: unknown): string {
  const parts: string[] = [];
  // Each entry is a value to render or a literal piece of text to emit.
  const stack: Array<{ readonly value: unknown } | { readonly text: string }> = [{ value }];
  while (stack.length > 0) {
    const next = stack.pop() as { readonly value: unknown } | { readonly text: string };
    if ('text' in next) {
      parts.push(next.text);
      continue;
    }
    const current = next.value;
    if (Array.isArray(current)) {
      stack.push({ text: ']' });
      for (let index = current.length - 1; index >= 0; index--) {
        stack.push({ value: current[index] });
        if (index > 0) stack.push({ text: ',' });
      }
      stack.push({ text: '[' });
    } else if (current !== null && typeof current === 'object') {
      const names = Object.keys(current).sort();
      stack.push({ text: '}' });
      for (let index = names.length - 1; index >= 0; index--) {
        const name = names[index] as string;
        stack.push({ value: (current as Record<string, unknown>)[name] });
        stack.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(name)}:` });
      }
      stack.push({ text: '{' });
    } else {
      parts.push(JSON.stringify(current) ?? 'null');
    }
  }
  return parts.join('');
}
