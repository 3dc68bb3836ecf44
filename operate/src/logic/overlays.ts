import type { ElementInstance, ElementStatistics, Incident } from '../api/types';

export type BadgeKind = 'active' | 'incidents' | 'completed' | 'canceled';
export interface Badge { elementId: string; kind: BadgeKind; count: number }

const KINDS: BadgeKind[] = ['active', 'incidents', 'completed', 'canceled'];

/** Count badges for the diagram: one per element and non-zero state, in a stable order. */
export function statisticBadges(stats: ElementStatistics[]): Badge[] {
  const badges: Badge[] = [];
  for (const s of stats) {
    for (const kind of KINDS) {
      const count = s[kind] ?? 0;
      if (count > 0) {
        badges.push({ elementId: s.elementId, kind, count });
      }
    }
  }
  return badges;
}

export type Highlight = 'incident' | 'active' | 'completed' | 'terminated';

const RANK: Record<Highlight, number> = { incident: 3, active: 2, terminated: 1, completed: 0 };

/**
 * The colour each element of one instance gets. An element can have run several times (loops,
 * multi-instance): the most urgent state wins — an incident over active over terminated over
 * completed — so an operator's eye goes to what needs them.
 */
export function instanceHighlights(elements: ElementInstance[], incidents: Incident[]): Map<string, Highlight> {
  const result = new Map<string, Highlight>();
  const raise = (elementId: string, h: Highlight) => {
    const current = result.get(elementId);
    if (!current || RANK[h] > RANK[current]) {
      result.set(elementId, h);
    }
  };
  for (const e of elements) {
    if (e.type === 'PROCESS') {
      continue;
    }
    if (e.hasIncident) {
      raise(e.elementId, 'incident');
    } else if (e.state === 'ACTIVE') {
      raise(e.elementId, 'active');
    } else if (e.state === 'TERMINATED') {
      raise(e.elementId, 'terminated');
    } else {
      raise(e.elementId, 'completed');
    }
  }
  for (const i of incidents) {
    if (i.elementId && i.state !== 'RESOLVED') {
      raise(i.elementId, 'incident');
    }
  }
  return result;
}
