// shared/progress: every task judged as supervision offices judge it (督查,
// docs/domain.md §8): status, light, the evidence that decided, 序时进度, and
// progress copied from the previous period. Pure and table-driven.
export { judge, judgeInto, blankJudgement, judgeContext, type Judgement, type JudgeInput, type JudgeContext, type JudgeProblem } from './judge';
export { JudgeCache, type TextReading } from './cache';
export { lightOf, gapLight, trails, LIGHT_FILL, LIGHT_FONT, type LightInput } from './light';
export { STATUS_COLORS } from './colors';
export { taskWindow, expectedShare, type TaskWindow, type WindowContext } from './window';
export { readStatusWord, isStatusWord, STATUS_WORD_TABLE, type StatusWord } from './status-words';
export { classifyPhrase, type PhraseReading } from './phrases';
export { readShare, type ShareRead } from './share';
export { meets, completionOf } from './figures';
export { foldWords, type WordKind } from './words';
export {
  DEFAULT_SETTINGS,
  SETTINGS_SHEET,
  SETTING_KEYS,
  SETTING_NOTES,
  readSettingsSheet,
  resolveSettings,
  settingFromText,
  settingExpects,
  settingOf,
  settingsRows,
  isDefault,
  type ProgressSettings,
  type SettingKey,
  type SettingsRead,
  type SettingProblem,
} from './settings';
export { findStaleProgress, periodPairs, StaleIndex, type StaleMatch, type StaleTask, type PeriodGroup } from './stale';
export { basisText, BASIS_LABEL } from './basis';
