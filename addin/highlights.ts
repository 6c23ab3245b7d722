// The add-in's highlights are custom conditional formats whose formula carries
// a marker, so they can be told from the user's own formats and removed
// later. The formula is always true for any cell (ISTEXT of a literal), and
// the tag is one of our severity names: no user text ever reaches it.
export const HIGHLIGHT_MARK = 'kesu';

export const highlightFormula = (tag: string): string => `=ISTEXT("${HIGHLIGHT_MARK}:${tag}")`;

const MARKED = new RegExp(`"${HIGHLIGHT_MARK}:([^"]*)"`);

/** The tag of one of our highlight formulas, or null for any other formula. */
export function highlightTag(formula: string | null | undefined): string | null {
  const m = formula ? MARKED.exec(formula) : null;
  return m ? m[1] : null;
}

/**
 * Conditional-format ids in the order to delete them. Excel's
 * ConditionalFormat.id is "the priority of the conditional format in the
 * current ConditionalFormatCollection" (Excel reference), so deleting one
 * renumbers those below it: deleting the largest first keeps every other id
 * pointing where it pointed when it was read.
 */
export function deletionOrder(ids: readonly string[]): string[] {
  const numeric = ids.every((id) => /^\d+$/.test(id));
  return numeric ? [...ids].sort((a, b) => Number(b) - Number(a)) : [...ids];
}
