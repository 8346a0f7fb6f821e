// DOM helpers: element construction without innerHTML, and the one place where server HTML
// (snippets, highlighted text) becomes DOM — by parsing it, keeping only <mark>.

// h('a', {href, class: 'x', onclick}, child, 'text', [children]) → Element
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s) {
  return s.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos);/gi, (m, name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
    const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

// Server HTML (escaped text with <mark>…</mark>) → [{text, mark}] pieces of plain text. Every other
// tag-like sequence stays literal text: nothing but <mark> can ever become an element.
export function markedPieces(html) {
  const pieces = [];
  let mark = false;
  for (const part of String(html || '').split(/(<mark>|<\/mark>)/i)) {
    const lower = part.toLowerCase();
    if (lower === '<mark>') mark = true;
    else if (lower === '</mark>') mark = false;
    else if (part) pieces.push({ text: decodeEntities(part), mark });
  }
  // "<mark>nông</mark> <mark>thôn</mark>" reads as one highlighted phrase.
  const merged = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const prev = merged[merged.length - 1];
    if (prev && prev.mark && p.mark) prev.text += p.text;
    else if (prev && prev.mark && !p.mark && /^[ \t]+$/.test(p.text) && pieces[i + 1] && pieces[i + 1].mark) {
      prev.text += p.text + pieces[i + 1].text;
      i++;
    } else merged.push({ ...p });
  }
  return merged;
}

// Appends pieces to `parent`: marked ones inside <mark>.
export function appendPieces(parent, pieces) {
  for (const p of pieces) {
    parent.append(p.mark ? h('mark', null, p.text) : document.createTextNode(p.text));
  }
  return parent;
}

export function marked(tag, attrs, html) {
  return appendPieces(h(tag, attrs), markedPieces(html));
}

// A visually hidden text (for screen readers).
export function srOnly(text) {
  return h('span', { class: 'sr-only' }, text);
}
