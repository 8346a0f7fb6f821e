// Text matching on the client: folding (accents, đ, case) and removing a part of a query string.

export function fold(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ\u00d0]/g, 'd').toLowerCase().trim();
}

// `q` without the first occurrence of `part` (case- and accent-insensitive, NFC), spaces tidied;
// null when `part` does not occur in `q`.
export function removePart(q, part) {
  const src = String(q || '').normalize('NFC');
  const needle = String(part || '').normalize('NFC').trim();
  if (!needle) return null;
  let i = src.toLowerCase().indexOf(needle.toLowerCase());
  let len = needle.length;
  if (i < 0) {
    // Accent-insensitive: compare folded text, which keeps one character per NFC character.
    const f = fold(src.normalize('NFC')), n = fold(needle);
    if (f.length !== src.length) return null;
    i = f.indexOf(n);
    len = n.length;
    if (i < 0) return null;
  }
  return (src.slice(0, i) + ' ' + src.slice(i + len)).replace(/\s+/g, ' ').trim();
}

// The query syntax's field keys (query/syntax.cpp), folded.
const FILTER_KEYS = {
  loai: 'type', type: 'type', so: 'number', number: 'number', sohieu: 'number', nam: 'year', year: 'year',
  tu: 'from', from: 'from', den: 'to', to: 'to', coquan: 'issuer', issuer: 'issuer', tinh: 'province',
  province: 'province', chude: 'theme', theme: 'theme', goc: 'parent', parent: 'parent',
};

// `q` without its `key:value` filter for `field` whose value folds to one of `values`; null if none.
export function removeFilterSyntax(q, field, values) {
  const wanted = values.filter(Boolean).map(fold);
  const re = /(^|\s)([^\s:"]+):\s*("[^"]*"?|\S+)/g;
  let m;
  while ((m = re.exec(q))) {
    if (FILTER_KEYS[fold(m[2])] !== field) continue;
    const value = fold(m[3].replace(/^"|"$/g, ''));
    if (wanted.length && !wanted.includes(value)) continue;
    const start = m.index + m[1].length;
    return (q.slice(0, start) + ' ' + q.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
  }
  return null;
}

// A from/to bound as a full ISO day: "2022" → 2022-01-01 (start) or 2022-12-31 (end).
export function expandBound(bound, end) {
  if (!bound) return '';
  const [y, m, d] = bound.split('-');
  if (d) return bound;
  if (m) {
    if (!end) return `${y}-${m}-01`;
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(last).padStart(2, '0')}`;
  }
  return end ? `${y}-12-31` : `${y}-01-01`;
}
