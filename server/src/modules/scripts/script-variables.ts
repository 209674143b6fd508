import { SCRIPT_VARIABLES, type ScriptVariable } from '@zhike/shared/scripts';

/** `{{name}}` or `{{name|fallback}}`; a backslash before `{{` makes it literal. */
const PLACEHOLDER = /(\\)?\{\{\s*([^{}|]+?)\s*(?:\|([^{}]*))?\}\}/g;

export type ScriptVariableValues = Partial<Record<ScriptVariable, string | undefined>>;

function isKnown(name: string): name is ScriptVariable {
  return Object.hasOwn(SCRIPT_VARIABLES, name);
}

/** Variables a template names that do not exist, in order of appearance, each once. */
export function unknownVariables(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!match[1] && !isKnown(match[2]!)) unknown.add(match[2]!);
  }
  return [...unknown];
}

/**
 * Fills each variable with its value for this customer, in one pass: a value that itself looks like
 * `{{…}}` (a customer named "{{销售姓名}}") is inserted as typed, never expanded. A missing or blank value
 * takes the placeholder's fallback, else the variable's default, and is reported as missing.
 */
export function fillVariables(template: string, values: ScriptVariableValues): { text: string; missing: ScriptVariable[] } {
  const missing = new Set<ScriptVariable>();
  const text = template.replace(PLACEHOLDER, (whole: string, escaped: string | undefined, name: string, fallback: string | undefined) => {
    if (escaped) return whole.slice(1);
    if (!isKnown(name)) return whole;
    const value = values[name]?.trim();
    if (value) return value;
    missing.add(name);
    return fallback ?? SCRIPT_VARIABLES[name].defaultFallback;
  });
  return { text, missing: [...missing] };
}
