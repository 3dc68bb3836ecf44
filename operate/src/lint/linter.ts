import { Linter } from '@camunda/linting';
import { orderhubLintPlugin } from './orderhubRules';

export interface LintReport { id: string; message: string; category: 'error' | 'warn' | 'info' | string; rule: string }

/** @camunda/linting (Camunda 8 compatibility + bpmnlint correctness) plus our own rules. */
export function createLinter() {
  return new Linter({ modeler: 'web', type: 'cloud', plugins: [orderhubLintPlugin] });
}

export async function lintXml(xml: string): Promise<LintReport[]> {
  return (await createLinter().lint(xml)) as LintReport[];
}

export function countByCategory(reports: LintReport[]): { errors: number; warnings: number } {
  return {
    errors: reports.filter((r) => r.category === 'error').length,
    warnings: reports.filter((r) => r.category === 'warn').length
  };
}
