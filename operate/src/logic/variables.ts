/** A variable value typed by an operator: must be JSON (a string needs its quotes), as in Operate. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; error: string };

export function parseVariableValue(text: string): ParsedValue {
  if (!text.trim()) {
    return { ok: false, error: 'A value is required (JSON, e.g. "text", 42, true, {"a":1})' };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
  }
}

export function validateVariableName(name: string): string | null {
  if (!name.trim()) {
    return 'A name is required';
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return 'A name starts with a letter or _ and holds only letters, digits and _ (so FEEL can read it)';
  }
  return null;
}
