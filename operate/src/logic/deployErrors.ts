/** A problem the engine found in a deployed resource, tied to a BPMN element where it names one. */
export interface ElementProblem { elementId: string | null; message: string }

/**
 * Reads Zeebe's deployment rejection text ("- Element: X\n    - ERROR: reason"), which our engine
 * writes the same way, into one problem per element so each can be drawn on the canvas.
 */
export function parseDeploymentProblems(detail: string): ElementProblem[] {
  const problems: ElementProblem[] = [];
  const lines = detail.split(/\r?\n/);
  let element: string | null = null;
  for (const line of lines) {
    const elementMatch = /^\s*-\s*Element:\s*(.+?)\s*$/.exec(line);
    if (elementMatch) {
      element = elementMatch[1];
      continue;
    }
    const errorMatch = /^\s*-\s*ERROR:\s*(.+?)\s*$/.exec(line);
    if (errorMatch) {
      problems.push({ elementId: element === 'resource' ? null : element, message: errorMatch[1] });
    }
  }
  if (problems.length === 0 && detail.trim()) {
    problems.push({ elementId: null, message: detail.trim() });
  }
  return problems;
}
