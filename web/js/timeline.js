// The timeline: matching documents per year as an SVG bar chart drawn from the year facet, or per
// month from the month facet when the matches fall within two years (the server sends months only
// then). A document counts in every year (month) its period covers, and the chart says so. A bar is
// a link that filters to its year, or its month (from/to), and back; the chart is redrawn at the
// box's pixel width.
import { h } from './dom.js';
import { fmtCount } from './format.js';
import { href, withChanges } from './state.js';

const HEIGHT = 112;
const TOP = 16;      // room for the count above the tallest bar
const BOTTOM = 20;   // room for the year labels
const MAX_YEARS = 120;

function svg(tag, attrs, ...children) {
  return h(`svg:${tag}`, attrs, ...children);
}

// [{year, count}] from min to max year, missing years as 0.
export function yearSeries(values) {
  const counts = new Map();
  for (const v of values || []) {
    const y = Number.parseInt(v.value, 10);
    if (Number.isFinite(y)) counts.set(y, (counts.get(y) || 0) + v.count);
  }
  if (!counts.size) return [];
  let min = Math.min(...counts.keys());
  const max = Math.max(...counts.keys());
  min = Math.max(min, max - MAX_YEARS + 1);
  const out = [];
  for (let y = min; y <= max; y++) out.push({ year: y, count: counts.get(y) || 0 });
  return out;
}

// [{key: "YYYY-MM", count}] from the first to the last month, missing months as 0.
export function monthSeries(values) {
  const counts = new Map((values || []).map((v) => [v.value, v.count]));
  const keys = [...counts.keys()].filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  if (!keys.length) return [];
  const out = [];
  let [y, m] = keys[0].split('-').map(Number);
  const [ly, lm] = keys[keys.length - 1].split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, count: counts.get(key) || 0 });
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

// The bars of one grain: what each shows, says and links to.
function bars(grain, state) {
  if (grain.kind === 'month') {
    return grain.series.map((d) => {
      const [y, m] = d.key.split('-');
      const on = state.from === d.key && state.to === d.key;
      return {
        key: d.key, count: d.count, on, tick: m === '01' || d === grain.series[0] ? `${Number(m)}/${y}` : String(Number(m)),
        label: `Tháng ${Number(m)}/${y}: ${fmtCount(d.count)} văn bản${on ? ' (đang lọc; bấm để bỏ lọc)' : ''}`,
        next: withChanges(state, on ? { from: '', to: '' } : { year: [], from: d.key, to: d.key }),
      };
    });
  }
  const selected = new Set(state.year.map(Number));
  return grain.series.map((d) => {
    const on = selected.has(d.year);
    return {
      key: String(d.year), count: d.count, on, tick: String(d.year),
      label: `Năm ${d.year}: ${fmtCount(d.count)} văn bản${on ? ' (đang lọc; bấm để bỏ lọc)' : ''}`,
      next: withChanges(state, { year: on ? [] : [String(d.year)], from: '', to: '' }),
    };
  });
}

function chart(series, width, go) {
  const n = series.length;
  const slot = width / n;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const peak = Math.max(1, ...series.map((d) => d.count));
  const plotH = HEIGHT - TOP - BOTTOM;
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(width / 44))));
  const anySelected = series.some((d) => d.on);
  const root = svg('svg', {
    class: 'timeline-svg', width: String(width), height: String(HEIGHT), viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'group', 'aria-labelledby': 'timeline-h',
  });
  root.append(svg('line', { class: 'axis', x1: '0', x2: String(width), y1: String(TOP + plotH + 0.5), y2: String(TOP + plotH + 0.5) }));
  series.forEach((d, i) => {
    const x = i * slot + (slot - barW) / 2;
    const bh = d.count ? Math.max(2, (d.count / peak) * plotH) : 0;
    const y = TOP + plotH - bh;
    const cx = i * slot + slot / 2;
    const cls = ['bar', d.on && 'selected', anySelected && !d.on && 'dimmed'].filter(Boolean).join(' ');
    // The labels sit outside the link, whose name is its aria-label (no visible text inside).
    const labels = svg('g', { class: ['bar-labels', d.on && 'selected'].filter(Boolean).join(' '), 'aria-hidden': 'true' });
    if (d.count && (slot >= 22 || d.on)) {
      labels.append(svg('text', { class: 'bar-count', x: cx.toFixed(1), y: (y - 4).toFixed(1), 'text-anchor': 'middle' }, fmtCount(d.count)));
    }
    if (i % labelEvery === 0 || d.on) {
      labels.append(svg('text', { class: 'bar-year', x: cx.toFixed(1), y: String(HEIGHT - 5), 'text-anchor': 'middle' }, d.tick));
    }
    const zone = svg('rect', { class: 'bar-zone', x: String(i * slot), y: '0', width: String(slot), height: String(HEIGHT) });
    const fill = svg('rect', { class: 'bar-fill', x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: bh.toFixed(1), rx: '2' });
    if (!d.count) {
      root.append(svg('g', { class: 'bar empty', 'aria-hidden': 'true' }, zone, fill), labels);
      return;
    }
    const data = d.key.length === 4 ? { year: d.key } : { month: d.key };
    root.append(svg('a', {
      class: cls, href: href(d.next), 'aria-label': d.label, dataset: { ...data, focusKey: `bar:${d.key}` },
      onclick: (e) => { e.preventDefault(); go(d.next); },
    }, svg('title', null, d.label), zone, fill), labels);
  });
  return root;
}

// Draws into `box` (a fixed-height element) and redraws when its width changes.
// `facets`: the year facet and, when the matches fall within two years, the month facet.
export function renderTimeline(box, facets, state, go) {
  const months = monthSeries(facets.month);
  const grain = months.length ? { kind: 'month', series: months } : { kind: 'year', series: yearSeries(facets.year) };
  const series = bars(grain, state);
  const unit = grain.kind === 'month' ? 'tháng' : 'năm';
  const body = h('div', { class: 'timeline-body' });
  const selected = series.some((d) => d.on);
  const hint = `Văn bản nhiều ${unit} được tính ở mỗi ${unit} · ${selected ? 'Bấm cột đang chọn để bỏ lọc' : `Bấm một cột để lọc theo ${unit}`}`;
  box.replaceChildren(
    h('div', { class: 'timeline-head' },
      h('h2', { class: 'timeline-title', id: 'timeline-h' }, `Số văn bản theo ${unit}`),
      series.length
        ? h('span', { class: 'timeline-hint', 'data-grain': grain.kind, title: hint }, hint)
        : null),
    body);
  if (!series.length) {
    body.append(h('p', { class: 'timeline-empty' }, 'Không có dữ liệu thời gian cho kết quả này.'));
    return;
  }
  let drawnWidth = 0;
  const draw = () => {
    const width = Math.floor(body.clientWidth);
    if (width <= 0 || width === drawnWidth) return;
    drawnWidth = width;
    body.replaceChildren(chart(series, width, go));
  };
  draw();
  if (box._observer) box._observer.disconnect();
  box._observer = new ResizeObserver(draw);
  box._observer.observe(body);
}
