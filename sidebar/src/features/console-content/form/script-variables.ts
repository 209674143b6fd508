import { SCRIPT_VARIABLES, type ScriptVariable } from '@zhike/shared/scripts';

export const VARIABLE_NAMES = Object.keys(SCRIPT_VARIABLES) as ScriptVariable[];

// `{{名称}}` or `{{名称|备用}}`; a backslash before `{{` makes it literal, so it is not a variable.
const VARIABLE = /(\\?)\{\{([^{}|]*)(?:\|([^{}]*))?\}\}/g;

function isKnown(name: string): name is ScriptVariable {
  return Object.hasOwn(SCRIPT_VARIABLES, name);
}

/** Names used in `text` that the server will not know how to fill, so the editor can warn before saving. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(VARIABLE)].filter((match) => !match[1]).map((match) => (match[2] ?? '').trim());
  return [...new Set(names.filter((name) => !isKnown(name)))];
}

/**
 * Fills variables the way the server does when sending (value, else `|fallback`, else the default; `\{{` is a
 * literal `{{`) — with sample values, for the editor's preview only.
 */
export function fillSample(text: string, sample: Partial<Record<ScriptVariable, string>>): string {
  return text.replace(VARIABLE, (whole, escape: string, rawName: string, fallback: string | undefined) => {
    if (escape) return whole.slice(1);
    const name = rawName.trim();
    if (!isKnown(name)) return whole;
    return sample[name] || fallback || SCRIPT_VARIABLES[name].defaultFallback;
  });
}
