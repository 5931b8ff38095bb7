/**
 * What text may hold, wherever it enters (GraphQL variables and string literals, articles and the
 * character references in their HTML, import records): no NUL (U+0000: C-based tools cut text there,
 * and it is what binary content looks like) and no lone surrogate (half of a UTF-16 pair without the
 * other half: no character at all; stored, it silently becomes U+FFFD). A character beyond U+FFFF
 * written as its pair of halves (an emoji) is text like any other.
 */

/** Why a code point cannot stand in text (as a character reference or escape names it), as a noun phrase; null when it can. */
export function codePointFault(codePoint: number): string | null {
  if (codePoint === 0) return 'a NUL character (U+0000)';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `a lone surrogate (U+${codePoint.toString(16).toUpperCase()}, half of a UTF-16 pair)`;
  if (!(codePoint <= 0x10ffff)) return 'a code point beyond U+10FFFF (no character)';
  return null;
}

// eslint-disable-next-line no-control-regex -- NUL is what is looked for
const SUSPECT = /[\u0000\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex -- NUL is what is looked for
const FAULT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text (with where), or null. */
export function textFault(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  const found = FAULT.exec(text);
  return found ? `holds ${codePointFault(found[0].charCodeAt(0))} at character ${found.index}, which no text may hold` : null;
}

/**
 * Input values (variables, records) nest no deeper than this: the deepest input type nests a handful
 * of levels; a value nested thousands deep is refused as such instead of exhausting the stack of
 * whatever reads it next.
 */
export const MAX_INPUT_DEPTH = 32;

export interface ValueFault {
  /** Where, as the importer names fields: "sources[0].quote" ("" for the value itself). */
  path: string;
  reason: string;
}

/**
 * The first string (or key) in a JSON value that text may not hold, or the first place nested past
 * MAX_INPUT_DEPTH. Walks with its own stack, so that no value can exhaust the call stack.
 */
export function findValueFault(value: unknown, root = ''): ValueFault | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const reason = textFault(v);
      if (reason) return { path, reason };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { path, reason: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    // Pushed last to first, so the first fault in reading order is the one reported.
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [`${path}[${i}]`, x]) : [];
    if (!Array.isArray(v)) {
      for (const [key, x] of Object.entries(v)) {
        const reason = textFault(key);
        if (reason) return { path, reason: `has a field name that ${reason}` };
        entries.push([path ? `${path}.${key}` : key, x]);
      }
    }
    for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ value: entries[i][1], path: entries[i][0], depth: depth + 1 });
  }
  return null;
}
