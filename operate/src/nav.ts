/** In-app navigation: the router listens to popstate, so a pushed URL is rendered like a back step. */
export function navigate(href: string, replace = false) {
  if (replace) {
    history.replaceState({}, '', href);
  } else {
    history.pushState({}, '', href);
  }
  window.dispatchEvent(new PopStateEvent('popstate'));
}
