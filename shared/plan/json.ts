// The plain JSON shape of an import (kesu import-plan --json, the add-in's preview).
import type { Target } from '../model';
import type { PlanImport, PlanInfo, PlanNode } from './types';
import { ownerName } from './workbook';

export interface PlanJson {
  plan: Pick<PlanInfo, 'title' | 'jurisdiction' | 'level' | 'goal' | 'draft'> & { period: { start: number | null; end: number | null } };
  taskSource: PlanImport['taskSource'];
  tasks: {
    id: string;
    kind: string;
    category: string;
    group: string;
    population: string | null;
    populationLabel: string | null;
    project: string | null;
    projectLabel: string | null;
    title: string;
    content: string;
    leads: string[];
    partners: string[];
    ownersText: string;
    ownerSource: string;
    targets: Target[];
    deadline: string | null;
    line: number;
  }[];
  outline: PlanNode[];
  findings: { code: string; severity: string; line: number | null; message: string }[];
}

export function planToJson(imp: PlanImport): PlanJson {
  const p = imp.plan;
  return {
    plan: {
      title: p.title,
      jurisdiction: p.jurisdiction,
      level: p.level,
      period: { start: p.period?.start ?? null, end: p.period?.end ?? null },
      goal: p.goal,
      draft: p.draft,
    },
    taskSource: imp.taskSource,
    tasks: imp.tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      category: t.category,
      group: t.group,
      population: t.population?.canonical ?? null,
      populationLabel: t.population?.label ?? null,
      project: t.project?.canonical ?? null,
      projectLabel: t.project?.label ?? null,
      title: t.title,
      content: t.content,
      leads: t.leads.map(ownerName),
      partners: t.partners.map(ownerName),
      ownersText: t.owners.raw,
      ownerSource: t.owners.source,
      targets: t.targets,
      deadline: t.deadline ?? null,
      line: t.line,
    })),
    outline: imp.outline,
    findings: imp.findings.map((f) => ({ code: f.code, severity: f.severity, line: f.row, message: f.message })),
  };
}
