// Plan import (生成台账): a plan document's text → plan metadata, outline and
// the tasks of its ledger; and that ledger as a standard workbook.
export { importPlan, isProblem, type ImportOptions } from './import';
export { planToWorkbook, ownerCell, ownerName } from './workbook';
export { planToJson, type PlanJson } from './json';
export { planMessage } from './messages';
export { readPlanFile, type PlanText, type PlanReader } from './read';
export type { PlanCategory, PlanGoal, PlanImport, PlanInfo, PlanLevel, PlanNode, PlanOwners, PlanTask, OwnerSource } from './types';
