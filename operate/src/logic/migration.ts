import type { MappingInstruction } from '../api/types';

export interface FlowElementInfo { id: string; type: string; name?: string }

/** Default mapping: every source element maps to the target element with the same id and type. */
export function defaultMapping(source: FlowElementInfo[], target: FlowElementInfo[]): MappingInstruction[] {
  const targetById = new Map(target.map((t) => [t.id, t]));
  return source
    .filter((s) => targetById.get(s.id)?.type === s.type)
    .map((s) => ({ sourceElementId: s.id, targetElementId: s.id }));
}

export interface DryRun { ok: boolean; moves: MappingInstruction[]; unmapped: string[]; typeMismatches: string[] }

/**
 * What a migration would do to an instance with tokens on `activeElementIds`, computed before any
 * request is sent: the engine rejects a migration that leaves an active element unmapped (409), so
 * the operator sees that first.
 */
export function dryRunMigration(
  activeElementIds: string[], mapping: MappingInstruction[], source: FlowElementInfo[], target: FlowElementInfo[]
): DryRun {
  const bySource = new Map(mapping.map((m) => [m.sourceElementId, m]));
  const sourceType = new Map(source.map((s) => [s.id, s.type]));
  const targetType = new Map(target.map((t) => [t.id, t.type]));
  const moves: MappingInstruction[] = [];
  const unmapped: string[] = [];
  const typeMismatches: string[] = [];
  for (const id of [...new Set(activeElementIds)].sort()) {
    const m = bySource.get(id);
    if (!m || !targetType.has(m.targetElementId)) {
      unmapped.push(id);
    } else if (targetType.get(m.targetElementId) !== sourceType.get(id)) {
      typeMismatches.push(id);
    } else {
      moves.push(m);
    }
  }
  return { ok: unmapped.length === 0 && typeMismatches.length === 0, moves, unmapped, typeMismatches };
}
