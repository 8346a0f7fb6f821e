#!/usr/bin/env bash
# The Debian package, tested as an IT officer would use it (ctest label `package`).
#
#   package_test.sh contents BUILD_DIR   builds the .deb with cpack and checks its file list,
#                                         Depends (from dpkg-shlibdeps), conffiles and scripts; and
#                                         the layout of cmake --install --prefix
#   package_test.sh install BUILD_DIR    installs it on this machine, runs the installed tools with
#                                         the installed configuration (index, serve, query, reload,
#                                         backup and restore), checks the units with
#                                         systemd-analyze, removes it (data and configuration kept),
#                                         purges it, and checks that nothing is left behind
#
# `install` needs root and a machine without vankho installed (CI's): otherwise it exits 77, which
# ctest reports as skipped, with the reason.
set -euo pipefail
mode=$1
build_dir=$(cd "$2" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$build_dir/package-test
fail() { echo "package_test: $*" >&2; exit 1; }

build_deb() {
  rm -rf "$work/deb"
  mkdir -p "$work/deb"
  (cd "$build_dir" && cpack -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
  deb=$(ls "$work"/deb/vankho_*.deb)
}

contents() {
  build_deb
  # Every file, but the page's, which is checked against web/ itself.
  dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' | grep -v '/$' | grep -v '^/usr/share/vankho/web/' | sort >"$work/files"
  cat >"$work/expected" <<'LIST'
/etc/vankho/vankho.conf
/lib/systemd/system/vankho-indexer.service
/lib/systemd/system/vankho-indexer.timer
/lib/systemd/system/vankho-replica@.service
/lib/systemd/system/vankho-replicate-server.service
/lib/systemd/system/vankho-searchd.service
/usr/bin/vankho-indexer
/usr/bin/vankho-query
/usr/bin/vankho-searchd
/usr/share/man/man1/vankho-indexer.1
/usr/share/man/man1/vankho-query.1
/usr/share/man/man1/vankho-searchd.1
/usr/share/vankho/boilerplate.txt
/usr/share/vankho/themes.tsv
LIST
  diff -u "$work/expected" "$work/files" || fail "the package's files differ from the list above"
  web_in_deb=$(dpkg-deb -c "$deb" | awk '{ print $NF }' | grep -c '^\./usr/share/vankho/web/.*[^/]$')
  web_in_tree=$(find "$source_dir/web" -type f | wc -l)
  [[ $web_in_deb == "$web_in_tree" ]] || fail "the package has $web_in_deb files of the page, web/ has $web_in_tree"

  dpkg-deb -I "$deb" >"$work/info"
  depends=$(sed -n 's/^ Depends: //p' "$work/info")
  # From dpkg-shlibdeps: the libraries the binaries link, with versions; adduser and procps by hand
  # (postinst, the unit's ExecReload).
  for want in adduser procps 'libxapian30 (' 'libicu72 (' libsystemd0 'libcpp-httplib0.11 (' \
              'libboost-program-options1.74.0 (' 'libstdc++6 ('; do
    [[ $depends == *"$want"* ]] || fail "Depends lacks '$want': $depends"
  done
  for script in postinst prerm postrm; do
    dpkg-deb -I "$deb" "$script" >/dev/null || fail "no $script"
  done
  [[ $(dpkg-deb -I "$deb" conffiles) == /etc/vankho/vankho.conf ]] || fail "conffiles: $(dpkg-deb -I "$deb" conffiles)"
  # The units name the installed binaries and the installed configuration.
  rm -rf "$work/root" && mkdir -p "$work/root" && dpkg-deb -x "$deb" "$work/root"
  grep -q '^ExecStart=/usr/bin/vankho-searchd --config /etc/vankho/vankho.conf$' \
    "$work/root/lib/systemd/system/vankho-searchd.service" || fail "vankho-searchd.service's ExecStart"
  grep -q '^ExecStart=/usr/bin/vankho-indexer --config /etc/vankho/vankho.conf$' \
    "$work/root/lib/systemd/system/vankho-indexer.service" || fail "vankho-indexer.service's ExecStart"
  # cmake --install elsewhere: the same files under the prefix, the units as examples naming it.
  rm -rf "$work/prefix"
  cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
  for f in bin/vankho-indexer bin/vankho-searchd bin/vankho-query etc/vankho/vankho.conf share/vankho/web/index.html \
           share/vankho/themes.tsv share/man/man1/vankho-searchd.1 share/vankho/systemd/vankho-indexer.timer; do
    [[ -f $work/prefix/$f ]] || fail "cmake --install --prefix: no $f"
  done
  grep -q "^ExecStart=$work/prefix/bin/vankho-searchd --config $work/prefix/etc/vankho/vankho.conf\$" \
    "$work/prefix/share/vankho/systemd/vankho-searchd.service" || fail "cmake --install --prefix: the unit's ExecStart"
  echo "package_test: $(basename "$deb"): $(wc -l <"$work/files") files and the page; Depends: $depends"
}

skip() { echo "package_test: skipped: $*"; exit 77; }

# Files of the machine that a package may touch, to compare before and after.
snapshot() {
  { find /etc /lib/systemd/system /usr/bin /usr/share/man/man1 /usr/share/vankho /var/lib /var/log /srv \
      -xdev 2>/dev/null | grep -v -E '^/var/lib/(dpkg|apt)|^/var/log/(apt|dpkg)|^/etc/(ld\.so\.cache|machine-id)|^/var/lib/systemd' || true
    getent passwd | cut -d: -f1
    getent group | cut -d: -f1; } | sort
}

install_test() {
  [[ $(id -u) == 0 ]] || skip "installing a package needs root (CI runs it as root)"
  if dpkg-query -W -f='${Status}' vankho 2>/dev/null | grep -q 'installed'; then
    skip "vankho is installed on this machine; the test installs and purges its own"
  fi
  [[ -e /etc/vankho || -e /var/lib/vankho || -e /srv/vankho ]] && skip "/etc/vankho, /var/lib/vankho or /srv/vankho exists"
  command -v systemd-analyze >/dev/null || skip "systemd-analyze is not installed (scripts/install-deps.sh installs it)"
  build_deb
  snapshot >"$work/before"
  local pid=""
  cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
    dpkg -P vankho >/dev/null 2>&1 || true
    rm -rf /srv/vankho
  }
  trap cleanup EXIT

  dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
  getent passwd vankho >/dev/null || fail "postinst made no vankho user"
  [[ $(stat -c %U /var/lib/vankho) == vankho ]] || fail "/var/lib/vankho is not the vankho user's"
  man -w vankho-searchd >/dev/null 2>&1 || [[ -f /usr/share/man/man1/vankho-searchd.1 ]] || fail "no man page"
  systemd-analyze verify --man=no /lib/systemd/system/vankho-searchd.service \
    /lib/systemd/system/vankho-indexer.service /lib/systemd/system/vankho-indexer.timer \
    /lib/systemd/system/vankho-replicate-server.service /lib/systemd/system/vankho-replica@cong-khai.service \
    >"$work/verify.log" 2>&1 || { cat "$work/verify.log" >&2; fail "systemd-analyze verify refused the units"; }

  # The archive the installed configuration names; the seeds are public (a flag wins over the file).
  mkdir -p /srv/vankho/archive
  cp "$source_dir"/seeds/*.txt /srv/vankho/archive/
  runuser -u vankho -- vankho-indexer --config /etc/vankho/vankho.conf --default-level cong-khai \
    >"$work/indexer.log" 2>&1 || { cat "$work/indexer.log" >&2; fail "the installed indexer failed"; }
  grep -q '5 added' "$work/indexer.log" || fail "indexer: $(cat "$work/indexer.log")"
  runuser -u vankho -- vankho-query --config /etc/vankho/vankho.conf --json --limit 1 nong thon moi >"$work/query.json" ||
    fail "the installed vankho-query failed"
  grep -q '"total": *[1-9]' "$work/query.json" || fail "vankho-query found nothing"

  # setpriv execs searchd itself (runuser would stay between, and not pass SIGHUP on).
  setpriv --reuid=vankho --regid=vankho --init-groups -- vankho-searchd --config /etc/vankho/vankho.conf \
    --listen 127.0.0.1:0 >"$work/searchd.out" 2>"$work/searchd.err" &
  pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/searchd.out")
    [[ -n $port ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/searchd.err" >&2; fail "the installed searchd did not start"; }
    sleep 0.1
  done
  [[ -n $port ]] || fail "searchd printed no address"
  local url=http://127.0.0.1:$port
  # (Each answer read whole before grep: with pipefail, grep -q closing the pipe early fails it.)
  grep -q '"id"' <<<"$(curl -sf "$url/api/search?q=nong%20thon%20moi")" || fail "searchd found nothing"
  grep -q '<html' <<<"$(curl -sf "$url/")" || fail "searchd does not serve the installed page"

  # A backup while it serves, checked by opening; restored into a second index, which searches alike.
  rm -rf "$work/backup"
  vankho-indexer --config /etc/vankho/vankho.conf --backup "$work/backup" >"$work/backup.log" 2>&1 ||
    { cat "$work/backup.log" >&2; fail "--backup failed"; }
  rm -rf "$work/restored"
  vankho-indexer --index "$work/restored" --restore "$work/backup" >>"$work/backup.log" 2>&1 ||
    { cat "$work/backup.log" >&2; fail "--restore failed"; }
  grep -q '"id"' <<<"$(vankho-query --index "$work/restored" --json nong thon moi)" || fail "the restored index finds nothing"
  # SIGHUP (systemctl reload): the index is read again; searchd goes on.
  kill -HUP "$pid"
  sleep 0.5
  grep -q '"sighup"' "$work/searchd.err" || fail "no sighup event in searchd's log"
  grep -q '"status":"ok"' <<<"$(curl -sf "$url/api/health")" || fail "searchd stopped after SIGHUP"
  kill -TERM "$pid"
  wait "$pid" || fail "searchd exited with $? after SIGTERM"
  pid=""

  dpkg -r vankho >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r failed"; }
  [[ ! -e /usr/bin/vankho-searchd ]] || fail "remove left the binaries"
  [[ -f /etc/vankho/vankho.conf && -d /var/lib/vankho/index ]] || fail "remove took the configuration or the index"
  getent passwd vankho >/dev/null || fail "remove took the user"
  dpkg -P vankho >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -P failed"; }
  rm -rf /srv/vankho
  snapshot >"$work/after"
  diff -u "$work/before" "$work/after" || fail "purge left the above behind"
  trap - EXIT
  echo "package_test: installed, indexed, served, queried, backed up, restored, reloaded, removed, purged; nothing left"
}

case $mode in
  contents) contents ;;
  install) install_test ;;
  *) fail "unknown mode '$mode'" ;;
esac
