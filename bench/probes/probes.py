#!/usr/bin/env python3
"""Socket-level probes for bench/probes/run.sh (standard library only).

Each subcommand takes the searchd port first and prints one line: the "after" cell of its row.
Every socket and child process has a timeout; nothing here can hang for long.

  probes.py idle PORT N             N connections half-send a request head; time /api/health and
                                    a search meanwhile (curl), then watch the server close them
  probes.py halfsent PORT           one half-sent head: when and how the server closes it
  probes.py burst PORT N            N concurrent connects+requests in one burst; ListenOverflows
  probes.py facets PORT QUERY       does every facet value offered filter to its count?
  probes.py pipeline PORT           two GET /api/health in one write: how many 200s come back
  probes.py slowbody PORT N         N POSTs whose body never comes; time /api/health meanwhile
"""
import json
import os
import selectors
import socket
import subprocess
import sys
import time
import urllib.parse

HOST = "127.0.0.1"
HALF_HEAD = b"GET / HTTP/1.1\r\nHost: x\r\n"  # no blank line: the head never ends
SLOW_POST = b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc"
SEARCH_PATH = "/api/search?q=n%C3%B4ng%20th%C3%B4n"


def curl_time(port, path):
    """(status, ms) of one GET through curl -w; ('ERR', ms) when curl fails or times out."""
    try:
        r = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "--max-time", "10", "-w", "%{http_code} %{time_total}",
             f"http://{HOST}:{port}{path}"], capture_output=True, text=True, timeout=15)
        code, t = r.stdout.split()
        return (code if r.returncode == 0 else f"ERR{r.returncode}"), float(t) * 1000
    except Exception as e:  # noqa: BLE001 - a probe reports, never crashes
        return f"ERR({type(e).__name__})", float("nan")


def http_get(port, path, timeout=10):
    """(status, parsed JSON or None) of one GET, through curl (no extra Python packages)."""
    r = subprocess.run(["curl", "-s", "--max-time", str(timeout), "-w", "\n%{http_code}",
                        f"http://{HOST}:{port}{path}"], capture_output=True, text=True,
                       timeout=timeout + 5)
    body, _, code = r.stdout.rpartition("\n")
    try:
        return code, json.loads(body)
    except ValueError:
        return code, None


def open_conns(port, n, payload):
    socks = []
    for _ in range(n):
        s = socket.create_connection((HOST, port), timeout=5)
        s.sendall(payload)
        s.setblocking(False)
        socks.append(s)
    return socks


def closed_now(s):
    """Whether the server has already answered or closed s (non-blocking peek)."""
    try:
        return s.recv(1, socket.MSG_PEEK) is not None
    except BlockingIOError:
        return False
    except OSError:
        return True


def watch_close(socks, t0, limit_s):
    """Wait up to limit_s for the server to answer/close each socket.
    Returns (list of seconds since t0 per closed socket, {first line: count}, still open)."""
    sel = selectors.DefaultSelector()
    bufs = {}
    for s in socks:
        sel.register(s, selectors.EVENT_READ)
        bufs[s] = b""
    times, firsts = [], {}
    deadline = t0 + limit_s
    while bufs and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=max(0.0, deadline - time.monotonic())):
            s = key.fileobj
            try:
                chunk = s.recv(65536)
            except BlockingIOError:
                continue
            except OSError as e:
                chunk = b""
                bufs[s] += f"<{e.strerror}>".encode()
            if chunk:
                bufs[s] += chunk
                continue
            times.append(time.monotonic() - t0)
            line = bufs[s].split(b"\r\n", 1)[0].decode("latin-1") or "<closed, no answer>"
            firsts[line] = firsts.get(line, 0) + 1
            sel.unregister(s)
            s.close()
            del bufs[s]
    left = len(bufs)
    for s in bufs:
        s.close()
    return times, firsts, left


def fmt_firsts(firsts):
    return ", ".join(f"{n}× `{line}`" for line, n in sorted(firsts.items(), key=lambda x: -x[1]))


def cmd_idle(port, n):
    t0 = time.monotonic()
    socks = open_conns(port, n, HALF_HEAD)
    opened_ms = (time.monotonic() - t0) * 1000
    h_code, h_ms = curl_time(port, "/api/health")
    s_code, s_ms = curl_time(port, SEARCH_PATH)
    open_during = sum(not closed_now(s) for s in socks)
    times, firsts, left = watch_close(socks, t0, 8)
    ok = h_code == "200" and s_code == "200" and h_ms < 100 and s_ms < 100
    print(f"{n} half-sent conns (opened in {opened_ms:.0f} ms, {open_during} still open after both "
          f"requests): /api/health {h_code} in {h_ms:.1f} ms, search {s_code} in {s_ms:.1f} ms "
          f"({'< 100 ms ✓' if ok else 'TARGET < 100 ms MISSED ✗'}); server closed "
          f"{len(times)}/{n} within {max(times) if times else float('nan'):.2f} s: {fmt_firsts(firsts)}"
          + (f"; {left} never closed" if left else ""))


def cmd_halfsent(port):
    t0 = time.monotonic()
    socks = open_conns(port, 1, HALF_HEAD)
    times, firsts, left = watch_close(socks, t0, 8)
    if left:
        print("half-sent head: NOT closed by the server within 8 s ✗")
    else:
        print(f"half-sent head closed after {times[0]:.2f} s (header timeout 1.00 s), "
              f"received `{next(iter(firsts))}`")


def listen_overflows():
    with open("/proc/net/netstat") as f:
        lines = [l.split() for l in f if l.startswith("TcpExt:")]
    return int(lines[1][lines[0].index("ListenOverflows")])


def cmd_burst(port, n):
    before = listen_overflows()
    req = b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    sel = selectors.DefaultSelector()
    t0 = time.monotonic()
    state = {}
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex((HOST, port))
        state[s] = [b"", False, None]  # data, sent, done-at
        sel.register(s, selectors.EVENT_WRITE)
    deadline = t0 + 15
    pending = n
    while pending and time.monotonic() < deadline:
        for key, ev in sel.select(timeout=0.5):
            s = key.fileobj
            st = state[s]
            if ev & selectors.EVENT_WRITE and not st[1]:
                err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err:
                    st[0] = f"<connect error {os.strerror(err)}>".encode()
                    st[2] = time.monotonic()
                    sel.unregister(s)
                    pending -= 1
                    continue
                s.sendall(req)
                st[1] = True
                sel.modify(s, selectors.EVENT_READ)
                continue
            try:
                chunk = s.recv(65536)
            except BlockingIOError:
                continue
            except OSError as e:
                chunk = b""
                st[0] += f"<{e.strerror}>".encode()
            if chunk:
                st[0] += chunk
            else:
                st[2] = time.monotonic()
                sel.unregister(s)
                pending -= 1
    after = listen_overflows()
    ok = sum(st[0].startswith(b"HTTP/1.1 200") for st in state.values())
    done = [st[2] - t0 for st in state.values() if st[2] is not None]
    for s in state:
        s.close()
    slowest = f"{max(done) * 1000:.1f} ms" if len(done) == n else f"{n - len(done)} UNANSWERED in 15 s"
    print(f"{n} concurrent: {ok}/{n} answered 200, slowest {slowest}; ListenOverflows "
          f"{before} → {after} (Δ {after - before}; host-wide counter)")


def cmd_facets(port, query):
    code, base = http_get(port, f"/api/search?q={query}&facets=true&limit=0")
    if code != "200" or base is None:
        print(f"q={query}: unfiltered search answered {code} ✗")
        return
    total = base["total"]
    n = good = 0
    bad = []
    for name, values in sorted(base.get("facets", {}).items()):
        for v in values:
            n += 1
            val = urllib.parse.quote(str(v["value"]), safe="")
            c, d = http_get(port, f"/api/search?q={query}&facets=true&limit=0&{name}={val}")
            t = d.get("total") if d else None
            if c == "200" and t is not None and t <= total and t == v["count"]:
                good += 1
            else:
                bad.append(f"{name}={v['value']}: {c}, total {t} vs count {v['count']}")
    qs = urllib.parse.unquote(query)
    shown = f"q=`{qs}`" if qs else "q= (empty)"
    print(f"{shown} (total {total}): {good} of {n} facet values filter"
          + (" ✓" if good == n and n else " ✗ " + "; ".join(bad[:4])))


def cmd_pipeline(port):
    req = (b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
           b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    s = socket.create_connection((HOST, port), timeout=5)
    s.sendall(req)
    s.settimeout(3)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        data += b"<timeout>"
    s.close()
    n = data.count(b"HTTP/1.1 200")
    print(f"{n} of 2 answered `HTTP/1.1 200`" + (" ✓" if n == 2 else " ✗")
          + (" (connection left open 3 s)" if data.endswith(b"<timeout>") else ""))


def cmd_slowbody(port, n):
    t0 = time.monotonic()
    socks = open_conns(port, n, SLOW_POST)
    time.sleep(0.05)  # let the server see the heads first
    h_code, h_ms = curl_time(port, "/api/health")
    times, firsts, left = watch_close(socks, t0, 10)
    when = f"{min(times):.2f}–{max(times):.2f} s" if times else "never"
    print(f"{n} stalled POST bodies, --threads 2: /api/health {h_code} in {h_ms:.1f} ms; "
          f"the stalled ones get {fmt_firsts(firsts) or 'nothing'} after {when}"
          + (f"; {left} still open after 10 s ✗" if left else ""))


def main():
    cmd, port, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    try:
        if cmd == "idle":
            cmd_idle(port, int(rest[0]))
        elif cmd == "halfsent":
            cmd_halfsent(port)
        elif cmd == "burst":
            cmd_burst(port, int(rest[0]))
        elif cmd == "facets":
            cmd_facets(port, rest[0])
        elif cmd == "pipeline":
            cmd_pipeline(port)
        elif cmd == "slowbody":
            cmd_slowbody(port, int(rest[0]))
        else:
            sys.exit(f"unknown probe {cmd}")
    except Exception as e:  # noqa: BLE001 - the table gets a cell, not a traceback
        print(f"PROBE FAILED: {type(e).__name__}: {e}")


if __name__ == "__main__":
    main()
