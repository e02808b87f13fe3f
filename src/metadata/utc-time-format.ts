/**
 * The time formats DynamoDB writes into control-plane answers. All take epoch milliseconds from the
 * caller; none reads a clock.
 */
const dayMs = 86_400_000;

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Start (00:00:00.000 UTC) of the UTC day holding `epochMs`: DynamoDB's daily budgets reset there. */
export function utcDayStartMs(epochMs: number): number {
  return Math.floor(epochMs / dayMs) * dayMs;
}

export function nextUtcDayStartMs(epochMs: number): number {
  return utcDayStartMs(epochMs) + dayMs;
}

/** "Thursday, October 8, 2026 at 11:20:48 PM Coordinated Universal Time", as in the decrease-limit message. */
export function formatUtcLongDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const meridiem = hours < 12 ? 'AM' : 'PM';
  const time = `${hour12}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())} ${meridiem}`;
  const day = `${weekdays[date.getUTCDay()]}, ${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  return `${day} at ${time} Coordinated Universal Time`;
}

/**
 * "2026-10-08T23:07:31.275": ISO 8601 in UTC with milliseconds and no zone designator. DynamoDB uses it
 * for stream labels and for "Please try again after …".
 */
export function formatUtcIsoWithoutZone(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, -1);
}

/** The LatestStreamLabel DynamoDB would give a stream enabled at `epochMs`. */
export function streamLabelAt(epochMs: number): string {
  return formatUtcIsoWithoutZone(epochMs);
}
