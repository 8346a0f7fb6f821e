// What the query was understood as, as removable chips: codes, abbreviations, the period, filters
// (from the URL or typed as `loai:…`), the date range, literal mode. Removing a code or period chip removes
// that part from the query text (the search box shows what is searched now); when the part cannot
// be found in the text, the query is re-run literally (interpret=false).
import { h } from './dom.js';
import { FILTER_NAMES, fmtPeriod } from './format.js';
import { LIST_FIELDS, withChanges } from './state.js';
import { expandBound, fold, removeFilterSyntax, removePart } from './text.js';

function chip(kind, name, value, removal, removeLabel) {
  return h('li', { class: `chip chip-${kind}`, dataset: { chip: kind } },
    h('span', { class: 'chip-name' }, `${name}: `),
    h('span', { class: 'chip-value' }, value),
    removal ? h('button', {
      type: 'button', class: 'chip-remove', 'aria-label': removeLabel || `Bỏ ${name.toLowerCase()} ${value}`,
      title: 'Bỏ', onclick: removal,
    }, '×') : null);
}

function labelFromFacets(facets, field, value) {
  const list = (facets && facets[field]) || [];
  const f = list.find((x) => x.value === value);
  return f ? f.label : value;
}

// Chips for a search `state` and its `response`; `go(nextState)` navigates.
export function renderChips(state, response, go) {
  const interp = (response && response.query) || {};
  const items = [];
  const dropFromQ = (text) => {
    const q = removePart(state.q, text);
    go(q === null ? withChanges(state, { interpret: false }) : withChanges(state, { q }));
  };

  for (const c of interp.codes || []) {
    const value = (c.codes || []).join(', ') || c.text;
    items.push(chip('code', 'Số hiệu', value, () => dropFromQ(c.text), `Bỏ số hiệu ${value} khỏi câu tìm`));
  }
  for (const a of interp.abbreviations || []) {
    // The word stays; only its reading goes: the query is re-run literally.
    items.push(chip('abbreviation', 'Viết tắt', `${a.text} = ${a.also}`,
      () => go(withChanges(state, { interpret: false })), `Không tìm ${a.also} thay cho ${a.text}`));
  }
  if (interp.period) {
    const value = fmtPeriod(interp.period) || interp.period.text;
    items.push(chip('period', 'Thời gian', value, () => dropFromQ(interp.period.text), `Bỏ thời gian ${value} khỏi câu tìm`));
  }

  const filters = interp.filters || [];
  const used = new Set();
  for (const field of LIST_FIELDS) {
    for (const v of state[field]) {
      const i = filters.findIndex((f, j) => !used.has(j) && f.field === field &&
        (f.value === v || f.label === v || fold(f.label) === fold(v) || fold(f.value) === fold(v)));
      let label = v;
      if (i >= 0) {
        used.add(i);
        label = filters[i].label || v;
      } else {
        label = labelFromFacets(response && response.facets, field, v);
      }
      const rest = state[field].filter((x) => x !== v);
      items.push(chip(`filter-${field}`, FILTER_NAMES[field], label, () => go(withChanges(state, { [field]: rest }))));
    }
  }
  filters.forEach((f, i) => {
    if (used.has(i)) return;
    const q = removeFilterSyntax(state.q, f.field, [f.label, f.value]);
    const shown = f.field === 'from' || f.field === 'to' ? (f.label || f.value) : f.label || f.value;
    items.push(chip(`filter-${f.field}`, FILTER_NAMES[f.field] || f.field, shown,
      q === null ? null : () => go(withChanges(state, { q }))));
  });

  if (state.from || state.to) {
    const value = fmtPeriod({ from: expandBound(state.from, false), to: expandBound(state.to, true) });
    items.push(chip('range', 'Khoảng thời gian', value, () => go(withChanges(state, { from: '', to: '' }))));
  }
  for (const word of interp.excluded || []) {
    const q = removePart(state.q, `-${word}`);
    items.push(chip('excluded', 'Loại trừ', word, q === null ? null : () => go(withChanges(state, { q }))));
  }
  if (!state.interpret) {
    items.push(chip('literal', 'Cách tìm', 'nguyên văn, không nhận diện số hiệu, thời gian và chữ viết tắt',
      () => go(withChanges(state, { interpret: true })), 'Bật lại nhận diện số hiệu, thời gian và chữ viết tắt'));
  }
  if (!items.length) return null;

  const removable = LIST_FIELDS.reduce((n, f) => n + state[f].length, 0) + (state.from || state.to ? 1 : 0);
  return h('div', { class: 'chips-row' },
    h('span', { class: 'chips-lead', id: 'chips-lead' }, 'Đã hiểu là:'),
    h('ul', { class: 'chip-list', 'aria-labelledby': 'chips-lead' }, items),
    removable > 1 ? h('button', {
      type: 'button', class: 'btn-link chips-clear',
      onclick: () => go(withChanges(state, { type: [], theme: [], issuer: [], province: [], year: [], parent: [], from: '', to: '' })),
    }, 'Xóa mọi bộ lọc') : null);
}
