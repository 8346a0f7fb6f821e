// The page's state lives in the URL: ?q=…&type=…&year=…&from=…&sort=date&page=2 for a search,
// ?doc=ID (&q= to highlight) for a document, ?cite=CODE for a citation view. Links can be shared
// and the browser's back/forward buttons replay them.

export const LIST_FIELDS = ['type', 'theme', 'issuer', 'province', 'year', 'parent'];
export const PAGE_SIZE = 10;

export function emptyState() {
  return {
    view: 'search',
    q: '',
    type: [], theme: [], issuer: [], province: [], year: [], parent: [],
    from: '', to: '',
    sort: 'relevance',
    page: 1,
    interpret: true,
    doc: '',
    cite: '',
  };
}

export function parseState(search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.q = (p.get('q') || '').slice(0, 2000);
  for (const f of LIST_FIELDS) s[f] = [...new Set(p.getAll(f).filter(Boolean))].slice(0, 20);
  s.from = p.get('from') || '';
  s.to = p.get('to') || '';
  s.sort = p.get('sort') === 'date' ? 'date' : 'relevance';
  const page = Number.parseInt(p.get('page') || '1', 10);
  s.page = Number.isFinite(page) && page > 1 ? Math.min(page, 1000) : 1;
  s.interpret = !['false', '0', 'no'].includes(p.get('interpret'));
  s.doc = p.get('doc') || '';
  s.cite = p.get('cite') || '';
  s.view = s.doc ? 'doc' : s.cite ? 'cite' : 'search';
  return s;
}

// The URL query string of a state ("" for the empty search).
export function toQuery(s) {
  const p = new URLSearchParams();
  if (s.view === 'doc') {
    p.set('doc', s.doc);
    if (s.q) p.set('q', s.q);
    return p.toString();
  }
  if (s.view === 'cite') {
    p.set('cite', s.cite);
    return p.toString();
  }
  if (s.q) p.set('q', s.q);
  for (const f of LIST_FIELDS) for (const v of s[f]) p.append(f, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort === 'date') p.set('sort', 'date');
  if (!s.interpret) p.set('interpret', 'false');
  if (s.page > 1) p.set('page', String(s.page));
  return p.toString();
}

export function href(s) {
  const q = toQuery(s);
  return q ? `?${q}` : location.pathname;
}

// A search state derived from `s` with `changes` applied; any change of the query or the filters
// goes back to page 1 unless `changes.page` says otherwise.
export function withChanges(s, changes) {
  const next = { ...s, type: [...s.type], theme: [...s.theme], issuer: [...s.issuer],
    province: [...s.province], year: [...s.year], parent: [...s.parent], view: 'search', doc: '', cite: '', page: 1, ...changes };
  return next;
}

export function hasFilters(s) {
  return LIST_FIELDS.some((f) => s[f].length) || Boolean(s.from || s.to);
}

// The /api/search parameters of a search state.
export function searchParams(s, overrides = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of LIST_FIELDS) for (const v of s[f]) p.append(f, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  p.set('sort', s.sort);
  if (!s.interpret) p.set('interpret', 'false');
  p.set('offset', String((s.page - 1) * PAGE_SIZE));
  p.set('limit', String(PAGE_SIZE));
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) p.delete(k);
    else p.set(k, v);
  }
  return p;
}
