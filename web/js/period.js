// The period filter: quick choices (this year, last year, this quarter, last quarter) and a
// from/to pair that accepts 2022, 07/2022, 02/04/2022 or ISO dates.
import { h } from './dom.js';
import { fmtDate, parseUserDate } from './format.js';
import { withChanges } from './state.js';

const pad = (n) => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'];

function quarter(year, q) {
  const first = q * 3 + 1;
  return { from: `${year}-${pad(first)}`, to: `${year}-${pad(first + 2)}` };
}

export function quickChoices(today = new Date()) {
  const y = today.getFullYear();
  const q = Math.floor(today.getMonth() / 3);
  const prevQ = q === 0 ? { year: y - 1, q: 3 } : { year: y, q: q - 1 };
  return [
    { label: 'Năm nay', from: String(y), to: String(y) },
    { label: 'Năm trước', from: String(y - 1), to: String(y - 1) },
    { label: `Quý ${ROMAN[q]}/${y}`, ...quarter(y, q) },
    { label: `Quý ${ROMAN[prevQ.q]}/${prevQ.year}`, ...quarter(prevQ.year, prevQ.q) },
  ];
}

export function renderPeriod(state, go) {
  const errorId = 'period-error';
  const error = h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' });
  const from = h('input', { id: 'period-from', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    placeholder: 'vd. 01/2022', value: fmtDate(state.from), 'aria-describedby': `period-help ${errorId}` });
  const to = h('input', { id: 'period-to', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    placeholder: 'vd. 12/2022', value: fmtDate(state.to), 'aria-describedby': `period-help ${errorId}` });

  const submit = (e) => {
    e.preventDefault();
    const a = parseUserDate(from.value);
    const b = parseUserDate(to.value);
    const bad = a === null ? from : b === null ? to : null;
    if (bad) {
      error.textContent = `«${bad.value}» không phải ngày: hãy viết 2022, 07/2022 hoặc 02/04/2022.`;
      bad.setAttribute('aria-invalid', 'true');
      bad.focus();
      return;
    }
    if (a && b && a.padEnd(10, '0') > b.padEnd(10, '9')) {
      error.textContent = 'Ngày bắt đầu phải trước ngày kết thúc.';
      from.setAttribute('aria-invalid', 'true');
      from.focus();
      return;
    }
    go(withChanges(state, { from: a, to: b, year: [] }));
  };

  const quick = quickChoices().map((c) => {
    const on = state.from === c.from && state.to === c.to;
    return h('li', null, h('button', {
      type: 'button', class: ['quick', on && 'selected'], 'aria-pressed': String(on),
      dataset: { focusKey: `quick:${c.from}:${c.to}` },
      onclick: () => go(withChanges(state, on ? { from: '', to: '' } : { from: c.from, to: c.to, year: [] })),
    }, c.label));
  });

  return h('section', { class: 'facet period', 'aria-labelledby': 'period-h' },
    h('h3', { class: 'facet-title', id: 'period-h' }, 'Thời gian'),
    h('ul', { class: 'quick-list' }, quick),
    h('form', { class: 'period-form', onsubmit: submit, novalidate: true },
      h('div', { class: 'period-fields' },
        h('label', { for: 'period-from' }, 'Từ', from),
        h('label', { for: 'period-to' }, 'Đến', to)),
      h('p', { class: 'field-help', id: 'period-help' }, 'Năm, tháng/năm hoặc ngày/tháng/năm.'),
      error,
      h('div', { class: 'period-actions' },
        h('button', { type: 'submit', class: 'btn btn-small' }, 'Áp dụng'),
        state.from || state.to ? h('button', {
          type: 'button', class: 'btn-link', onclick: () => go(withChanges(state, { from: '', to: '' })),
        }, 'Bỏ thời gian') : null)));
}
