import { ApiError } from './api/client';

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

/** Builds an element; text always goes in as text (never HTML), so API data cannot inject markup. */
export function h(tag: string, props: Props = {}, ...children: (Child | Child[])[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (name === 'className') {
      element.className = String(value);
    } else if (name === 'value' && 'value' in element) {
      (element as HTMLInputElement).value = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An in-app link: navigation without reloading the page. */
export function link(href: string, ...children: (Child | Child[])[]): HTMLElement {
  return h('a', { href, 'data-link': true }, ...children);
}

export function errorBox(error: unknown): HTMLElement {
  if (error instanceof ApiError) {
    const hint = error.unavailable ? ' — this server does not offer this part of the REST v2 API' : '';
    return h('div', { className: 'error', role: 'alert' }, `${error.status} ${error.title} on ${error.path}${hint}: ${error.detail}`);
  }
  return h('div', { className: 'error', role: 'alert' }, String((error as Error)?.message ?? error));
}

export function formatDate(value?: string): string {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return isNaN(d.getTime()) ? value : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  return h('section', { className: 'panel' }, h('h2', {}, title), ...children);
}
