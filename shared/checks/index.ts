export { MESSAGES, message, fixFor, finding, severityOf, type Params, type Where } from './messages';
export { statusOf, statusDetail, meets, completionOf, periodOf, type StatusDetail, type StatusInput, type StatusContext } from './status';
export { validate, directoryFor, type ValidateContext, type ValidateResult } from './validate';
export { PLAUSIBLE_UNITS, unitSuffix } from './rules';
