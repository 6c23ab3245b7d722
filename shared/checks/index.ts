export { MESSAGES, SEVERITY_LABEL, message, fixFor, finding, findingFrom, wordingOf, severityOf, type Params, type Where, type FindingParams, type CodedFinding } from './messages';
export { meets, completionOf } from '../progress';
export { CheckCache, DirectoryCache } from './cache';
export { validate, directoryFor, type ValidateContext, type ValidateResult } from './validate';
export { PLAUSIBLE_UNITS, unitSuffix } from './rules';
