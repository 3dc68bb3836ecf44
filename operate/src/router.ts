export interface Route { name: string; params: Record<string, string>; query: URLSearchParams }

/** The UI's stable routes (issue 8): anything else under /operate is the dashboard. */
export function matchRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  if (path === '/modeler' || path.startsWith('/modeler/')) {
    return { name: 'modeler', params: {}, query };
  }
  if ((m = /^\/operate\/processes\/(\d+)$/.exec(path))) {
    return { name: 'instance', params: { key: m[1] }, query };
  }
  if (path === '/operate/processes') {
    return { name: 'processes', params: {}, query };
  }
  if (path === '/operate/incidents') {
    return { name: 'incidents', params: {}, query };
  }
  if (path === '/operate/decisions') {
    return { name: 'decisions', params: {}, query };
  }
  return { name: 'dashboard', params: {}, query };
}
