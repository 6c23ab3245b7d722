// Row shape of the bundled directory tables: [全称, 别名（计划里的写法）, 类别, 出处].
// 出处 names the seed (000 锦江区, 003 国家2023工作要点, 004 綦江区) and where in it.
import type { Unit, UnitKind } from '../model';

export type SeedRow = readonly [name: string, aliases: readonly string[], kind: UnitKind, source: string];

export interface BundledJurisdiction {
  /** Full jurisdiction name, e.g. 成都市锦江区; 国家 for national units. */
  jurisdiction: string;
  /** Level prefix used in the plan's short names: 区 (区教育局), '' for 国家. */
  level: string;
  /** The seed document the table was read from. */
  seed: string;
  units: Unit[];
}

export function toUnits(jurisdiction: string, rows: readonly SeedRow[]): Unit[] {
  return rows.map(([name, aliases, kind]) => ({ name, aliases: [...aliases], kind, jurisdiction }));
}
