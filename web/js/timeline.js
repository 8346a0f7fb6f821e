// The timeline: matching documents per year as an SVG bar chart drawn from the year facet. A bar
// is a link that filters to its year (and back); the chart is redrawn at the box's pixel width.
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

function chart(series, width, state, go) {
  const n = series.length;
  const slot = width / n;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const peak = Math.max(1, ...series.map((d) => d.count));
  const plotH = HEIGHT - TOP - BOTTOM;
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(width / 44))));
  const selected = new Set(state.year.map(Number));
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
    const on = selected.has(d.year);
    const cls = ['bar', on && 'selected', selected.size && !on && 'dimmed'].filter(Boolean).join(' ');
    // The labels sit outside the link, whose name is its aria-label (no visible text inside).
    const labels = svg('g', { class: ['bar-labels', on && 'selected'].filter(Boolean).join(' '), 'aria-hidden': 'true' });
    if (d.count && (slot >= 22 || on)) {
      labels.append(svg('text', { class: 'bar-count', x: cx.toFixed(1), y: (y - 4).toFixed(1), 'text-anchor': 'middle' }, fmtCount(d.count)));
    }
    if (i % labelEvery === 0 || on) {
      labels.append(svg('text', { class: 'bar-year', x: cx.toFixed(1), y: String(HEIGHT - 5), 'text-anchor': 'middle' }, String(d.year)));
    }
    const zone = svg('rect', { class: 'bar-zone', x: String(i * slot), y: '0', width: String(slot), height: String(HEIGHT) });
    const fill = svg('rect', { class: 'bar-fill', x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: bh.toFixed(1), rx: '2' });
    if (!d.count) {
      root.append(svg('g', { class: 'bar empty', 'aria-hidden': 'true' }, zone, fill), labels);
      return;
    }
    const next = withChanges(state, { year: on ? [] : [String(d.year)], from: '', to: '' });
    const label = `Năm ${d.year}: ${fmtCount(d.count)} văn bản${on ? ' (đang lọc; bấm để bỏ lọc)' : ''}`;
    root.append(svg('a', {
      class: cls, href: href(next), 'aria-label': label, dataset: { year: String(d.year), focusKey: `bar:${d.year}` },
      onclick: (e) => { e.preventDefault(); go(next); },
    }, svg('title', null, label), zone, fill), labels);
  });
  return root;
}

// Draws into `box` (a fixed-height element) and redraws when its width changes.
export function renderTimeline(box, values, state, go) {
  const series = yearSeries(values);
  const body = h('div', { class: 'timeline-body' });
  box.replaceChildren(
    h('div', { class: 'timeline-head' },
      h('h2', { class: 'timeline-title', id: 'timeline-h' }, 'Số văn bản theo năm'),
      series.length ? h('span', { class: 'timeline-hint' }, state.year.length ? 'Bấm cột đang chọn để bỏ lọc' : 'Bấm một cột để lọc theo năm') : null),
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
    body.replaceChildren(chart(series, width, state, go));
  };
  draw();
  if (box._observer) box._observer.disconnect();
  box._observer = new ResizeObserver(draw);
  box._observer.observe(body);
}
