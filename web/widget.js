/*! vankho portal search box.
 *
 *   <div id="vankho-search"></div>
 *   <script src="https://search.example.vn/widget.js" data-endpoint="https://search.example.vn"
 *           data-target="#vankho-search" defer></script>
 *
 * data-endpoint  searchd's address (default: where this script was loaded from)
 * data-target    CSS selector of the element to render into (default: right after the script)
 * data-page      the full search page (default: data-endpoint + "/")
 * data-limit     results in the dropdown, 1-10 (default 5)
 * data-placeholder, data-new-tab ("true": open results in a new tab)
 *
 * Renders into a Shadow DOM: the host page's styles do not reach it and its styles do not leak
 * out. The host page's origin must be in searchd's --cors-origin list. No dependencies.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) return;

  var CSS = [
    ':host{all:initial;display:block;position:relative}',
    '.vk{all:initial;display:block;position:relative;box-sizing:border-box;width:100%;',
    'font:16px/1.45 "Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1b1b;text-align:left}',
    '.vk *,.vk *::before,.vk *::after{box-sizing:border-box}',
    '.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    'form{margin:0;display:flex;gap:6px}',
    'input{flex:1;min-width:0;height:42px;margin:0;padding:0 12px;font:inherit;color:#1b1b1b;background:#fff;',
    'border:1px solid #b9b5ab;border-radius:6px;outline:none;-webkit-appearance:none;appearance:none}',
    'input:focus{border-color:#1d5fd1;box-shadow:0 0 0 2px #1d5fd1}',
    'button{height:42px;margin:0;padding:0 16px;font-family:inherit;font-size:15px;font-weight:600;line-height:1;color:#fff;background:#9b1c1c;',
    'border:1px solid #9b1c1c;border-radius:6px;cursor:pointer}',
    'button:hover{background:#7f1515}',
    'button:focus-visible,a:focus-visible{outline:3px solid #1d5fd1;outline-offset:2px}',
    '.drop{position:absolute;left:0;right:0;top:calc(100% + 4px);z-index:2147483000;background:#fff;',
    'border:1px solid #b9b5ab;border-radius:6px;box-shadow:0 8px 24px rgba(0,0,0,.16);overflow:hidden}',
    '.drop[hidden]{display:none}',
    'ul{list-style:none;margin:0;padding:4px 0;max-height:420px;overflow-y:auto}',
    'li{margin:0;padding:0}',
    'li a{display:block;padding:8px 14px;color:#1b1b1b;text-decoration:none}',
    'li a:hover,li a:focus{background:#e8eef9;outline:none}',
    'li a:focus-visible{box-shadow:inset 3px 0 0 #1d5fd1}',
    '.t{display:block;font-weight:600;color:#0b4a8c}',
    '.m{display:block;font-size:13px;color:#4f4f4f}',
    '.s{display:block;font-size:13px;color:#333;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}',
    'mark{background:#ffe27a;color:inherit;padding:0 1px;border-radius:2px}',
    '.status{margin:0;padding:10px 14px;font-size:14px;color:#4f4f4f}',
    '.status:empty{display:none}',
    '.status.error{color:#8f1010}',
    '.all{display:block;padding:9px 14px;border-top:1px solid #dcd9d2;font-size:14px;font-weight:600;color:#0b4a8c;text-decoration:none;background:#faf9f6}',
    '.all:hover{text-decoration:underline}'
  ].join('');

  var attr = function (name, dflt) {
    var v = script.getAttribute(name);
    return v === null || v === '' ? dflt : v;
  };
  var scriptOrigin = (function () {
    try { return new URL(script.src, location.href).origin; } catch (e) { return location.origin; }
  })();
  var endpoint = attr('data-endpoint', scriptOrigin).replace(/\/+$/, '');
  var page = attr('data-page', endpoint + '/');
  var limit = Math.max(1, Math.min(10, parseInt(attr('data-limit', '5'), 10) || 5));
  var newTab = attr('data-new-tab', 'false') === 'true';
  var placeholder = attr('data-placeholder', 'Tìm văn bản, số hiệu (NQ 13), thời gian…');
  var uid = 'vk' + Math.random().toString(36).slice(2, 8);

  function el(tag, props, children) {
    var e = document.createElement(tag);
    for (var k in props || {}) {
      if (k === 'text') e.textContent = props[k];
      else if (props[k] !== null && props[k] !== undefined) e.setAttribute(k, props[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  function decode(s) {
    var map = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos);/gi, function (m, n) {
      if (n.charAt(0) !== '#') return map[n.toLowerCase()];
      var cp = n.charAt(1).toLowerCase() === 'x' ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    });
  }

  // Server snippet (escaped text with <mark>) → DOM; nothing but <mark> becomes an element.
  function snippet(html) {
    var span = el('span', { 'class': 's' });
    var mark = false;
    String(html || '').replace(/<\/mark>([ \t]*)<mark>/gi, '$1').split(/(<mark>|<\/mark>)/i).forEach(function (part) {
      var l = part.toLowerCase();
      if (l === '<mark>') mark = true;
      else if (l === '</mark>') mark = false;
      else if (part) span.appendChild(mark ? el('mark', { text: decode(part) }) : document.createTextNode(decode(part)));
    });
    return span;
  }

  function pageUrl(params) {
    var u = new URL(page, location.href);
    Object.keys(params).forEach(function (k) { u.searchParams.set(k, params[k]); });
    return u.toString();
  }

  function fmtDate(iso) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso || '');
    if (!m) return iso || '';
    return m[3] ? m[3] + '/' + m[2] + '/' + m[1] : m[2] ? m[2] + '/' + m[1] : m[1];
  }

  function mount(host) {
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    while (root.firstChild) root.removeChild(root.firstChild);
    if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', { text: CSS }));
    }

    var listId = uid + '-list';
    var input = el('input', {
      id: uid + '-q', type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: '500',
      placeholder: placeholder, 'aria-controls': listId, 'aria-describedby': uid + '-help'
    });
    var status = el('p', { 'class': 'status' });
    var list = el('ul', { id: listId, 'aria-label': 'Kết quả tìm kiếm' });
    var all = el('a', { 'class': 'all', href: page });
    var drop = el('div', { 'class': 'drop', hidden: '' }, [status, list, all]);
    var live = el('p', { 'class': 'sr', 'aria-live': 'polite' });
    var form = el('form', { role: 'search', action: page, method: 'get' }, [
      el('label', { 'class': 'sr', 'for': uid + '-q', text: 'Tìm văn bản' }),
      el('span', { 'class': 'sr', id: uid + '-help', text: 'Kết quả hiện ngay khi gõ; phím mũi tên xuống để chọn.' }),
      input,
      el('button', { type: 'submit', text: 'Tìm' })
    ]);
    var box = el('div', { 'class': 'vk', part: 'container' }, [form, drop, live]);
    root.appendChild(box);
    if (newTab) { all.target = '_blank'; all.rel = 'noopener'; form.target = '_blank'; }

    var timer = 0, controller = null, seq = 0;

    function open(on) {
      drop.hidden = !on;
    }
    function links() {
      return Array.prototype.slice.call(drop.querySelectorAll('a'));
    }
    // Arrow keys move focus through the results and "Xem tất cả"; Escape returns to the box.
    function move(from, step) {
      var all = links();
      var i = all.indexOf(from);
      var next = i + step;
      if (next < 0) { input.focus(); return; }
      if (next < all.length) all[next].focus();
    }
    function go(url) {
      if (newTab) window.open(url, '_blank', 'noopener');
      else window.location.href = url;
    }

    function render(q, body) {
      while (list.firstChild) list.removeChild(list.firstChild);
      var hits = body.hits || [];
      hits.forEach(function (hit) {
        var meta = [hit.type_label, hit.number, fmtDate(hit.date), hit.issuer].filter(Boolean).join(' · ');
        var a = el('a', { href: pageUrl({ doc: hit.id, q: q }) }, [
          el('span', { 'class': 't', text: hit.title || hit.id }),
          meta ? el('span', { 'class': 'm', text: meta }) : null,
          hit.snippet ? snippet(hit.snippet) : null
        ]);
        if (newTab) { a.target = '_blank'; a.rel = 'noopener'; }
        list.appendChild(el('li', { 'class': 'hit' }, [a]));
      });
      var total = body.total || 0;
      status.className = 'status';
      status.textContent = hits.length ? '' : 'Không tìm thấy văn bản nào.';
      live.textContent = hits.length ? 'Có ' + total + ' kết quả; phím mũi tên xuống để xem.' : 'Không tìm thấy văn bản nào.';
      all.href = pageUrl({ q: q });
      all.textContent = total > 0 ? 'Xem tất cả ' + total.toLocaleString('vi-VN') + ' kết quả →' : 'Mở trang tìm kiếm →';
      open(true);
    }

    function search(q) {
      var mine = ++seq;
      if (controller) controller.abort();
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      var url = endpoint + '/api/search?' + new URLSearchParams({
        q: q, limit: String(limit), facets: 'false', suggest: 'false'
      }).toString();
      fetch(url, { mode: 'cors', credentials: 'omit', signal: controller ? controller.signal : undefined,
        headers: { Accept: 'application/json' } })
        .then(function (res) {
          return res.json().catch(function () { return {}; }).then(function (body) {
            if (!res.ok) throw new Error((body.error && body.error.message) || ('HTTP ' + res.status));
            return body;
          });
        })
        .then(function (body) { if (mine === seq) render(q, body); })
        .catch(function (e) {
          if (e && e.name === 'AbortError') return;
          if (mine !== seq) return;
          while (list.firstChild) list.removeChild(list.firstChild);
          status.className = 'status error';
          status.textContent = 'Không kết nối được với dịch vụ tìm kiếm. Hãy thử lại sau.';
          live.textContent = status.textContent;
          all.href = pageUrl({ q: q });
          all.textContent = 'Mở trang tìm kiếm →';
          open(true);
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { seq++; open(false); return; }
      timer = setTimeout(function () { search(q); }, 200);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && links().length) {
        e.preventDefault();
        open(true);
        links()[0].focus();
      } else if (e.key === 'Escape') {
        open(false);
      }
    });
    drop.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(e.target, 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(e.target, -1); }
      else if (e.key === 'Escape') { e.preventDefault(); open(false); input.focus(); }
    });
    input.addEventListener('focus', function () { if (list.children.length || status.textContent) open(true); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = input.value.trim();
      go(q ? pageUrl({ q: q }) : page);
    });
    box.addEventListener('focusout', function (e) {
      if (!e.relatedTarget || !box.contains(e.relatedTarget)) open(false);  // Tab left the box
    });
    document.addEventListener('click', function (e) {
      var path = e.composedPath ? e.composedPath() : [];
      if (path.indexOf(host) < 0) open(false);
    });
  }

  function start() {
    var sel = script.getAttribute('data-target');
    var host = sel ? document.querySelector(sel) : null;
    if (!host) {
      if (sel && document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start, { once: true });
        return;
      }
      host = document.createElement('div');
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    mount(host);
  }
  start();
})();
