// The search page: reads its state from the URL, draws the search, document or citation view, and
// keeps the URL in step (pushState) so that links can be shared and back/forward work.
import { showCitation } from './citation.js';
import { showDocument } from './document.js';
import { showSearch } from './search-view.js';
import { emptyState, href, parseState, withChanges } from './state.js';
import { setupSuggest } from './suggest.js';

const $ = (id) => document.getElementById(id);
const input = $('q');
const views = { search: $('view-search'), doc: $('view-doc'), cite: $('view-cite') };

let state = parseState(location.search);
let lastSearch = state.view === 'search' ? state : null;

function currentUrl() {
  return location.pathname + location.search;
}

const nav = {
  get lastSearch() { return lastSearch; },
  // The back link can use the browser's history when the previous entry is those results.
  canGoBack: () => Boolean(lastSearch && history.state && history.state.prev === href(lastSearch)),
};

function render({ scroll = null, focus = false } = {}) {
  renderedSearch = location.search;
  for (const [name, el] of Object.entries(views)) el.hidden = name !== state.view;
  if (state.view !== 'cite') input.value = state.q;
  const settle = (heading) => {
    if (scroll !== null) window.scrollTo(0, scroll);
    const a = document.activeElement;
    const lost = !a || a === document.body || !a.getClientRects().length;
    // Focus moves to the new view's heading, unless the user is typing in the search box.
    if (focus && heading && (lost || state.view !== 'search')) heading.focus({ preventScroll: scroll !== null });
  };
  if (state.view === 'search') {
    lastSearch = state;
    showSearch(state, go, { onLoaded: () => settle($('results-heading')) });
  } else if (state.view === 'doc') {
    showDocument(state, views.doc, go, nav).then(settle);
  } else {
    showCitation(state, views.cite, go, nav).then(settle);
  }
}

// Navigates to `next`: a new history entry (or `replace` the current one) and a redraw.
function go(next, { replace = false } = {}) {
  const prevState = state;
  history.replaceState({ ...(history.state || {}), scroll: window.scrollY }, '');
  const url = href(next);
  const entry = { prev: currentUrl(), scroll: 0 };
  if (replace) history.replaceState(entry, '', url);
  else history.pushState(entry, '', url);
  state = parseState(location.search);
  const viewChanged = prevState.view !== state.view || state.view !== 'search';
  const pageChanged = state.view === 'search' && prevState.page !== state.page;
  if (viewChanged) window.scrollTo(0, 0);
  else if (pageChanged) $('results-heading').scrollIntoView({ block: 'start' });
  render({ focus: viewChanged });
}

let renderedSearch = location.search;

window.addEventListener('popstate', (e) => {
  if (location.search === renderedSearch) return;  // only the #fragment changed
  state = parseState(location.search);
  const scroll = e.state && typeof e.state.scroll === 'number' ? e.state.scroll : 0;
  render({ scroll, focus: true });
});

// The search box.
const suggest = setupSuggest(input, $('suggest-list'), {
  onPick: (s) => {
    if (s.kind === 'title' && s.id) go({ ...emptyState(), view: 'doc', doc: s.id });
    else {
      input.value = s.text;
      go(withChanges(lastSearch || emptyState(), { q: s.text, interpret: true }));
    }
  },
});

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  suggest.close();
  const q = input.value.trim();
  go(withChanges(lastSearch || emptyState(), { q, interpret: true }));
});

$('home-link').addEventListener('click', (e) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  go(emptyState());
  input.focus();
});

$('sort').addEventListener('change', (e) => go(withChanges(state, { sort: e.target.value })));

// In-page links (skip links) move focus without touching the history.
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href^="#"]');
  if (!a || e.defaultPrevented) return;
  const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  if (!target) return;
  e.preventDefault();
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
});

// `/` focuses the search box (unless the user is typing somewhere).
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  e.preventDefault();
  input.focus();
  input.select();
});

// Keyboard: ↓ and ↑ move through the results' titles (Enter opens one, as any link); Esc in a
// document or citation view goes back to the results.
const typing = (t) => t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || typing(e.target)) return;
  if (e.key === 'Escape' && state.view !== 'search' && !filters.classList.contains('open')) {
    const back = views[state.view].querySelector('.back-link');
    if (back) {
      e.preventDefault();
      back.click();
    }
    return;
  }
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || state.view !== 'search') return;
  const titles = [...document.querySelectorAll('#results .hit-title a')];
  const at = titles.indexOf(document.activeElement);
  const a = document.activeElement;
  if (at < 0 && a && a !== document.body && a.id !== 'results-heading') return;  // arrows keep their use elsewhere
  const next = at < 0 ? (e.key === 'ArrowDown' ? 0 : -1) : at + (e.key === 'ArrowDown' ? 1 : -1);
  if (next < 0 || next >= titles.length) return;
  e.preventDefault();
  titles[next].focus();
  titles[next].closest('.hit').scrollIntoView({ block: 'nearest' });
});

// The filter panel is a drawer on narrow screens.
const filters = $('filters');
const toggle = $('filters-toggle');
function setDrawer(open) {
  filters.classList.toggle('open', open);
  toggle.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('drawer-open', open);
  if (open) $('filters-close').focus();
  else toggle.focus();
}
toggle.addEventListener('click', () => setDrawer(!filters.classList.contains('open')));
$('filters-close').addEventListener('click', () => setDrawer(false));
document.addEventListener('click', (e) => {
  // A click on the dimmed page beside the open drawer closes it.
  if (filters.classList.contains('open') && !filters.contains(e.target) && !toggle.contains(e.target)) setDrawer(false);
});
filters.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && filters.classList.contains('open')) setDrawer(false);
});

history.replaceState({ ...(history.state || {}), prev: (history.state && history.state.prev) || null }, '');
render({ scroll: history.state && typeof history.state.scroll === 'number' ? history.state.scroll : null });
