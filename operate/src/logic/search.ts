/** What the dashboard's search box was given: an instance key (digits only) or a business id. */
export type SearchTarget =
  | { kind: 'empty' }
  | { kind: 'key'; key: string }
  | { kind: 'businessId'; businessId: string };

export function parseSearch(input: string): SearchTarget {
  const text = input.trim();
  if (!text) {
    return { kind: 'empty' };
  }
  // Zeebe keys are positive int64 numbers; anything else can only be a business id.
  if (/^\d{1,19}$/.test(text) && BigInt(text) <= 9223372036854775807n) {
    return { kind: 'key', key: text };
  }
  return { kind: 'businessId', businessId: text };
}
