// The facet panel: type, year, theme, issuer, province and the larger document (văn bản gốc) with
// counts; a value toggles its filter.
import { h } from './dom.js';
import { FACET_NAMES, fmtCount } from './format.js';
import { withChanges } from './state.js';

const ORDER = ['type', 'year', 'theme', 'parent', 'issuer', 'province'];
const SHOWN = 6;
const expanded = new Set();  // facets the user opened fully (kept across searches)

// `refresh()` redraws the panel (after a facet is expanded or collapsed).
// A parent is shown by its title with its number ("Luật Thanh niên (57/2020/QH14)").
function facetLabel(field, v) {
  if (field === 'parent' && v.label && v.label !== v.value) return `${v.label} (${v.value})`;
  return v.label || v.value;
}

export function renderFacets(state, facets, go, refresh) {
  const sections = [];
  for (const field of ORDER) {
    let values = [...((facets && facets[field]) || [])];
    const selected = state[field];
    for (const v of selected) {
      if (!values.some((x) => x.value === v)) values.push({ value: v, label: v, count: 0 });
    }
    if (!values.length) continue;
    if (field === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
    const open = expanded.has(field) || values.length <= SHOWN + 1;
    const visible = open ? values : values.filter((v, i) => i < SHOWN || selected.includes(v.value));
    const headingId = `facet-${field}-h`;
    const items = visible.map((v) => {
      const on = selected.includes(v.value);
      const next = withChanges(state, { [field]: on ? selected.filter((x) => x !== v.value) : [...selected, v.value] });
      return h('li', null, h('button', {
        type: 'button', class: ['facet-item', on && 'selected'], 'aria-pressed': String(on),
        dataset: { focusKey: `facet:${field}:${v.value}`, facet: field, value: v.value },
        onclick: () => go(next),
      },
      h('span', { class: 'facet-check', 'aria-hidden': 'true' }),
      h('span', { class: 'facet-label' }, facetLabel(field, v)),
      h('span', { class: 'facet-count' }, h('span', { class: 'sr-only' }, ', '), fmtCount(v.count),
        h('span', { class: 'sr-only' }, ' văn bản'))));
    });
    sections.push(h('section', { class: 'facet', dataset: { facetGroup: field }, 'aria-labelledby': headingId },
      h('h3', { class: 'facet-title', id: headingId }, FACET_NAMES[field]),
      h('ul', { class: 'facet-list' }, items),
      values.length > SHOWN + 1 ? h('button', {
        type: 'button', class: 'btn-link facet-more', 'aria-expanded': String(open),
        dataset: { focusKey: `facet-more:${field}` },
        onclick: () => {
          if (open) expanded.delete(field); else expanded.add(field);
          refresh(`facet-more:${field}`);
        },
      }, open ? 'Thu gọn' : `Xem thêm ${values.length - visible.length}`) : null));
  }
  if (!sections.length) return h('p', { class: 'facet-empty' }, 'Không có bộ lọc cho kết quả này.');
  return sections;
}
