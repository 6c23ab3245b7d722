// Population (人群) and key project (工程) of a task, docs/domain.md §3.
export { classify, classifyPopulation, classifyProject } from './classify';
export { POPULATION_WORDS, POPULATION_CONTENT_WORDS, PROJECT_WORDS } from './tables';
