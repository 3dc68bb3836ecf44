import './styles.css';
import { matchRoute } from './router';
import { errorBox, h } from './dom';
import { navigate } from './nav';

type View = (root: HTMLElement, params: Record<string, string>, query: URLSearchParams) => Promise<void | (() => void)>;

const views: Record<string, () => Promise<{ default: View }>> = {
  dashboard: () => import('./views/dashboard'),
  processes: () => import('./views/processes'),
  instance: () => import('./views/instance'),
  incidents: () => import('./views/incidents'),
  decisions: () => import('./views/decisions'),
  modeler: () => import('./views/modeler')
};

let dispose: (() => void) | void;

async function render() {
  const root = document.getElementById('app')!;
  if (dispose) {
    dispose();
    dispose = undefined;
  }
  root.replaceChildren(h('p', { className: 'loading' }, 'Loading…'));
  const route = matchRoute(location.pathname, location.search);
  document.body.dataset.route = route.name;
  document.querySelectorAll('.topbar nav a').forEach((a) => {
    const href = a.getAttribute('href')!;
    a.classList.toggle('current', location.pathname === href || (href !== '/operate' && location.pathname.startsWith(href)));
  });
  try {
    const view = (await views[route.name]()).default;
    const page = h('div', { className: `page page-${route.name}` });
    root.replaceChildren(page);
    dispose = await view(page, route.params, route.query);
  } catch (e) {
    console.error(e);
    root.replaceChildren(errorBox(e));
  }
}


document.addEventListener('click', (event) => {
  const anchor = (event.target as HTMLElement).closest('a[data-link]') as HTMLAnchorElement | null;
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
    return;
  }
  event.preventDefault();
  navigate(anchor.getAttribute('href')!);
});
window.addEventListener('popstate', render);
render();
