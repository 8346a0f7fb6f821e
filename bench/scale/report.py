#!/usr/bin/env python3
"""The scale benchmark's report: reads the results.env file bench/scale/run.sh writes for each
size (KEY=VALUE lines), writes the markdown table (one block of rows per size: vankho, the plain
Xapian peer, and vankho/peer) with the targets and whether each is met, and an SVG of cost against
size on log-x axes (documents/s, keyword p99, question p99, peak RSS), drawn by hand (no third-party
module). Prints the markdown.

    python3 bench/scale/report.py --md scale.md --svg scale.svg WORK/10000/results.env ...
"""
import argparse
import math
import sys

TARGET_DOCS_RATIO = 0.7   # indexing documents/s at 10^6 >= 0.7 x that at 10^5
TARGET_KW_P99_MS = 50.0   # keyword mix p99 at 10^6, facets and snippets on
TARGET_RSS_MB = 1024      # searchd peak RSS at 10^6


def read_env(path):
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    out[key] = value
    except OSError as e:
        sys.exit(f"report.py: cannot read {path}: {e}")
    return out


def num(r, key):
    try:
        return float(r.get(key, ""))
    except ValueError:
        return None


def fmt(v, digits=1):
    if v is None:
        return "–"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def docs_per_s(r, key):
    s = num(r, key)
    return None if not s else num(r, "docs") / s


def table(rows):
    head = ("| documents | system | index s | docs/s | index RSS MB | index MB | keyword p50 / p99 ms "
            "| question p50 / p99 ms | searchd req/s | searchd RSS MB |")
    lines = [head, "|" + "---|" * 10]
    for r in rows:
        d = f"{int(num(r, 'docs')):,}"
        v_dps, p_dps = docs_per_s(r, "index_s"), docs_per_s(r, "peer_index_s")
        lines.append(
            f"| {d} | vankho | {fmt(num(r, 'index_s'))} | {fmt(v_dps, 0)} | {fmt(num(r, 'index_rss_mb'), 0)} "
            f"| {fmt(num(r, 'index_mb'))} | {fmt(num(r, 'kw_p50'), 2)} / {fmt(num(r, 'kw_p99'), 2)} "
            f"| {fmt(num(r, 'q_p50'), 2)} / {fmt(num(r, 'q_p99'), 2)} | {fmt(num(r, 'http_rps'), 0)} "
            f"| {fmt(num(r, 'searchd_rss_mb'), 0)} |")
        lines.append(
            f"| {d} | plain Xapian | {fmt(num(r, 'peer_index_s'))} | {fmt(p_dps, 0)} | {fmt(num(r, 'peer_rss_mb'), 0)} "
            f"| {fmt(num(r, 'peer_index_mb'))} | {fmt(num(r, 'peer_kw_p50'), 2)} / {fmt(num(r, 'peer_kw_p99'), 2)} "
            f"| {fmt(num(r, 'peer_q_p50'), 2)} / {fmt(num(r, 'peer_q_p99'), 2)} | – | – |")

        def x(a, b, digits=2):
            q = ratio(num(r, a), num(r, b))
            return "–" if q is None else f"{q:.{digits}f}×"
        dps = ratio(v_dps, p_dps)
        lines.append(
            f"| {d} | vankho / peer | {x('index_s', 'peer_index_s')} | {'–' if dps is None else f'{dps:.2f}×'} "
            f"| {x('index_rss_mb', 'peer_rss_mb')} | {x('index_mb', 'peer_index_mb')} "
            f"| {x('kw_p50', 'peer_kw_p50', 1)} / {x('kw_p99', 'peer_kw_p99', 1)} "
            f"| {x('q_p50', 'peer_q_p50', 1)} / {x('q_p99', 'peer_q_p99', 1)} | – | – |")
    return lines


def cpu_table(rows):
    """The same work in CPU time: steadier than wall time when other processes share the cores."""
    lines = ["| documents | system | index CPU s | docs per CPU s | keyword CPU p50 / p99 ms "
             "| question CPU p50 / p99 ms | searchd CPU ms per request |", "|" + "---|" * 7]
    for r in rows:
        d = f"{int(num(r, 'docs')):,}"
        v_dpc, p_dpc = docs_per_s(r, "index_cpu_s"), docs_per_s(r, "peer_index_cpu_s")
        lines.append(f"| {d} | vankho | {fmt(num(r, 'index_cpu_s'))} | {fmt(v_dpc, 0)} "
                     f"| {fmt(num(r, 'kw_cpu_p50'), 2)} / {fmt(num(r, 'kw_cpu_p99'), 2)} "
                     f"| {fmt(num(r, 'q_cpu_p50'), 2)} / {fmt(num(r, 'q_cpu_p99'), 2)} | {fmt(num(r, 'searchd_cpu_ms'), 2)} |")
        lines.append(f"| {d} | plain Xapian | {fmt(num(r, 'peer_index_cpu_s'))} | {fmt(p_dpc, 0)} "
                     f"| {fmt(num(r, 'peer_kw_cpu_p50'), 2)} / {fmt(num(r, 'peer_kw_cpu_p99'), 2)} "
                     f"| {fmt(num(r, 'peer_q_cpu_p50'), 2)} / {fmt(num(r, 'peer_q_cpu_p99'), 2)} | – |")

        def x(a, b, digits=2):
            q = ratio(num(r, a), num(r, b))
            return "–" if q is None else f"{q:.{digits}f}×"
        dpc = ratio(v_dpc, p_dpc)
        lines.append(f"| {d} | vankho / peer | {x('index_cpu_s', 'peer_index_cpu_s')} "
                     f"| {'–' if dpc is None else f'{dpc:.2f}×'} "
                     f"| {x('kw_cpu_p50', 'peer_kw_cpu_p50', 1)} / {x('kw_cpu_p99', 'peer_kw_cpu_p99', 1)} "
                     f"| {x('q_cpu_p50', 'peer_q_cpu_p50', 1)} / {x('q_cpu_p99', 'peer_q_cpu_p99', 1)} | – |")
    return lines


def verdict(ok):
    return "met" if ok else "MISSED"


def targets(rows):
    by = {int(num(r, "docs")): r for r in rows}
    out = []
    big, mid = by.get(1000000), by.get(100000)
    if big and mid:
        q = ratio(docs_per_s(big, "index_s"), docs_per_s(mid, "index_s"))
        out.append(f"- indexing documents/s at 10^6 ≥ {TARGET_DOCS_RATIO} × at 10^5: {q:.2f}× — {verdict(q >= TARGET_DOCS_RATIO)}")
    else:
        out.append(f"- indexing documents/s at 10^6 ≥ {TARGET_DOCS_RATIO} × at 10^5: not measured (SIZES lacks 100000 or 1000000)")
    sizes = sorted(by)
    for a, b in zip(sizes, sizes[1:]):
        q = ratio(docs_per_s(by[b], "index_s"), docs_per_s(by[a], "index_s"))
        c = ratio(docs_per_s(by[b], "index_cpu_s"), docs_per_s(by[a], "index_cpu_s"))
        if q is not None:
            out.append(f"  - documents/s at {b:,} = {q:.2f}× that at {a:,} (per CPU second: "
                       f"{'–' if c is None else f'{c:.2f}×'})")
    if big:
        p99 = num(big, "kw_p99")
        out.append(f"- keyword mix p99 ≤ {TARGET_KW_P99_MS:.0f} ms at 10^6 (facets + snippets): {fmt(p99, 2)} ms — "
                   f"{verdict(p99 is not None and p99 <= TARGET_KW_P99_MS)}")
        rss = num(big, "searchd_rss_mb")
        out.append(f"- searchd RSS ≤ {TARGET_RSS_MB} MB at 10^6: {fmt(rss, 0)} MB — "
                   f"{verdict(rss is not None and rss <= TARGET_RSS_MB)}")
    else:
        top = by[sizes[-1]]
        out.append(f"- keyword mix p99 ≤ {TARGET_KW_P99_MS:.0f} ms at 10^6: not measured; at {sizes[-1]:,}: "
                   f"{fmt(num(top, 'kw_p99'), 2)} ms")
        out.append(f"- searchd RSS ≤ {TARGET_RSS_MB} MB at 10^6: not measured; at {sizes[-1]:,}: "
                   f"{fmt(num(top, 'searchd_rss_mb'), 0)} MB")
    return out


# ---- the plot ------------------------------------------------------------------------------

PANEL_W, PANEL_H, MARGIN_L, MARGIN_B, MARGIN_T, MARGIN_R = 430, 290, 62, 40, 30, 16
COLORS = {"vankho": "#1f5fa8", "plain Xapian": "#d9822b", "vankho-indexer": "#1f5fa8",
          "plain Xapian indexer": "#d9822b", "vankho-searchd": "#2a9d5c"}


def nice_max(v):
    if v <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * e:
            return m * e
    return 10 * e


def panel(x0, y0, title, sizes, series, target=None):
    """series: [(label, [y or None per size], dashed)]; target: a value drawn as a red line."""
    out = []
    w, h = PANEL_W - MARGIN_L - MARGIN_R, PANEL_H - MARGIN_T - MARGIN_B
    lo, hi = math.log10(min(sizes)), math.log10(max(sizes))
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    lo, hi = math.floor(lo), math.ceil(hi)
    ymax = nice_max(max([y for _, ys, _ in series for y in ys if y is not None] + [target or 0, 1e-9]) * 1.05)
    px = lambda s: x0 + MARGIN_L + (math.log10(s) - lo) / (hi - lo) * w
    py = lambda v: y0 + MARGIN_T + h - v / ymax * h
    out.append(f'<text x="{x0 + MARGIN_L}" y="{y0 + 18}" font-weight="bold">{title}</text>')
    out.append(f'<rect x="{x0 + MARGIN_L}" y="{y0 + MARGIN_T}" width="{w}" height="{h}" fill="none" stroke="#999"/>')
    ticks = [ymax * k / 4 for k in range(5)]
    digits = 0 if all(abs(v - round(v)) < 1e-9 for v in ticks) else 1
    for v in ticks:
        y = py(v)
        out.append(f'<line x1="{x0 + MARGIN_L}" y1="{y:.1f}" x2="{x0 + MARGIN_L + w}" y2="{y:.1f}" stroke="#e4e4e4"/>')
        out.append(f'<text x="{x0 + MARGIN_L - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{fmt(v, digits)}</text>')
    for e in range(lo, hi + 1):
        x = px(10 ** e)
        out.append(f'<line x1="{x:.1f}" y1="{y0 + MARGIN_T}" x2="{x:.1f}" y2="{y0 + MARGIN_T + h}" stroke="#e4e4e4"/>')
        out.append(f'<text x="{x:.1f}" y="{y0 + MARGIN_T + h + 16}" text-anchor="middle" font-size="11">10'
                   f'<tspan baseline-shift="super" font-size="8">{e}</tspan></text>')
    if target is not None:
        y = py(target)
        out.append(f'<line x1="{x0 + MARGIN_L}" y1="{y:.1f}" x2="{x0 + MARGIN_L + w}" y2="{y:.1f}" stroke="#c0392b" '
                   f'stroke-dasharray="6,3"/>')
        out.append(f'<text x="{x0 + MARGIN_L + w - 4}" y="{y - 4:.1f}" text-anchor="end" font-size="11" '
                   f'fill="#c0392b">target at 10⁶: {fmt(target, 0)}</text>')
    for size in sizes:  # a mark under each size measured
        x = px(size)
        out.append(f'<line x1="{x:.1f}" y1="{y0 + MARGIN_T + h}" x2="{x:.1f}" y2="{y0 + MARGIN_T + h - 5}" stroke="#555"/>')
    out.append(f'<text x="{x0 + MARGIN_L + w / 2}" y="{y0 + PANEL_H - 6}" text-anchor="middle" font-size="11">documents (log scale)</text>')
    for i, (label, ys, dashed) in enumerate(series):
        color = COLORS.get(label, "#555")
        pts = [(px(s), py(y)) for s, y in zip(sizes, ys) if y is not None]
        if len(pts) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            dash = ' stroke-dasharray="5,4"' if dashed else ""
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}"/>')
        ly = y0 + MARGIN_T + 14 + 15 * i
        out.append(f'<rect x="{x0 + MARGIN_L + 8}" y="{ly - 9}" width="10" height="10" fill="{color}"/>')
        out.append(f'<text x="{x0 + MARGIN_L + 22}" y="{ly}" font-size="11">{label}</text>')
    return out


def svg(rows):
    sizes = [int(num(r, "docs")) for r in rows]
    col = lambda key: [num(r, key) for r in rows]
    panels = [
        ("Indexing, documents/s", [("vankho", [docs_per_s(r, "index_s") for r in rows], False),
                                   ("plain Xapian", [docs_per_s(r, "peer_index_s") for r in rows], False)]),
        ("Keyword mix p99, ms (in process)", [("vankho", col("kw_p99"), False), ("plain Xapian", col("peer_kw_p99"), False)],
         TARGET_KW_P99_MS),
        ("Question mix p99, ms (in process)", [("vankho", col("q_p99"), False), ("plain Xapian", col("peer_q_p99"), False)]),
        ("Peak RSS, MB", [("vankho-indexer", col("index_rss_mb"), False), ("plain Xapian indexer", col("peer_rss_mb"), False),
                          ("vankho-searchd", col("searchd_rss_mb"), True)]),
    ]
    width, height = 2 * PANEL_W, 2 * PANEL_H + 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="13">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="12" y="{height - 8}" font-size="11" fill="#555">vankho scale benchmark (bench/scale/run.sh); '
           f'indexing RSS: solid, searchd RSS after the wrk run: dashed</text>']
    for i, (title, series, *target) in enumerate(panels):
        out += panel((i % 2) * PANEL_W, (i // 2) * PANEL_H, title, sizes, series, *target)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--md", required=True)
    ap.add_argument("--svg", required=True)
    ap.add_argument("results", nargs="+")
    args = ap.parse_args()
    rows = sorted((read_env(p) for p in args.results), key=lambda r: num(r, "docs") or 0)
    md = ["# vankho scale benchmark", "",
          "Synthetic archives written by vankho_gen (bench/gen); vankho-indexer with its default options; "
          "latency single-threaded in process (facets and snippets on, no accent suggestion), the peer "
          "running each request's words through QueryParser (top 10, filters ignored); searchd without "
          "its response cache, wrk on loopback with the keyword mix (the default request: facets, "
          "snippets and the suggestion).", ""]
    md += table(rows)
    md += ["", "CPU time (the process's user + system time; the thread's for latency; searchd's over the wrk "
           "run divided by the requests answered):", ""]
    md += cpu_table(rows)
    md += ["", "Per size: "
           + "; ".join(f"{int(num(r, 'docs')):,}: {r.get('seconds', '?')} s in all, requests with hits "
                       f"keyword {r.get('kw_found', '?')}, question {r.get('q_found', '?')}, searchd p50/p99 "
                       f"{r.get('http_p50') or '–'}/{r.get('http_p99') or '–'} ms, "
                       f"{r.get('http_errors') or '0'} errors, keyword CPU p50/p99 without facets "
                       f"{r.get('kw_nofacets_cpu_p50') or '–'}/{r.get('kw_nofacets_cpu_p99') or '–'} ms, "
                       f"load {r.get('load', '?')}" for r in rows), "",
           "Targets:"] + targets(rows)
    text = "\n".join(md) + "\n"
    with open(args.md, "w", encoding="utf-8") as f:
        f.write(text)
    with open(args.svg, "w", encoding="utf-8") as f:
        f.write(svg(rows))
    print(text, end="")


if __name__ == "__main__":
    main()
