// Does a piece of text read as one owner: a unit name, a group word or a
// national body? Used where owner text must be told from prose (a plan's
// trailing parentheses, a paragraph under a 分工： label).
import { groupKeyOf } from './groups';
import { isNationalOnly } from './national';
import { splitComposite } from './normalize';
import { looksLikeUnit } from './rules';

export function isUnitName(display: string): boolean {
  return looksLikeUnit(splitComposite(display)?.main ?? display) || groupKeyOf(display) !== null || isNationalOnly(display);
}
