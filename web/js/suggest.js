// Suggestions as you type: a WAI-ARIA combobox over /api/suggest (debounced; stale answers dropped;
// arrow keys, Enter, Escape; mouse or touch).
import { getJSON, isAbort } from './api.js';
import { h, clear } from './dom.js';

const DEBOUNCE_MS = 120;
const KIND_LABELS = { code: 'Số hiệu', title: 'Văn bản', phrase: '' };

export function setupSuggest(input, list, { onPick }) {
  let timer = 0;
  let controller = null;
  let items = [];
  let active = -1;
  let generation = 0;  // bumps on close/submit so that late answers are dropped

  function close() {
    generation++;
    clearTimeout(timer);
    if (controller) controller.abort();
    items = [];
    active = -1;
    list.hidden = true;
    clear(list);
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function render(suggestions) {
    items = suggestions;
    active = -1;
    clear(list);
    if (!items.length) {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    items.forEach((s, i) => {
      const kind = KIND_LABELS[s.kind] || '';
      list.append(h('li', {
        id: `suggest-${i}`, role: 'option', 'aria-selected': 'false', class: `suggest-item kind-${s.kind}`,
        onmousedown: (e) => e.preventDefault(),  // keep focus in the box
        onclick: () => pick(i),
      }, h('span', { class: 'suggest-text' }, s.text), kind ? h('span', { class: 'suggest-kind' }, kind) : null));
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  async function load(text, gen) {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const params = new URLSearchParams({ q: text, limit: '8' });
      const body = await getJSON('api/suggest', params, { signal: controller.signal });
      if (gen !== generation || input.value.trim() !== text) return;
      render((body.suggestions || []).filter((s) => s && s.text));
    } catch (e) {
      if (!isAbort(e) && gen === generation) render([]);  // suggestions are optional: stay quiet
    }
  }

  function pick(i) {
    const s = items[i];
    close();
    if (s) onPick(s);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    const gen = ++generation;
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(() => load(text, gen), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && items.length > 0;
    if (e.key === 'ArrowDown') {
      if (!open) {
        const text = input.value.trim();
        if (text.length >= 2) load(text, ++generation);
        return;
      }
      e.preventDefault();
      setActive(active + 1 >= items.length ? 0 : active + 1);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(() => {
    if (document.activeElement !== input) close();
  }, 150));

  return { close };
}
