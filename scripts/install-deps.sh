#!/usr/bin/env bash
# Installs vankho's build and test dependencies from Debian 12's packages. Idempotent: when every
# package is already installed it changes nothing and does not touch the network.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libxapian-dev libicu-dev libboost-program-options-dev libcpp-httplib-dev nlohmann-json3-dev
  zlib1g-dev googletest libgtest-dev
  libzip-dev libpugixml-dev      # .docx/.odt (zip + XML)
  libpoppler-cpp-dev             # .pdf text, fonts and page rendering
  libtesseract-dev libleptonica-dev tesseract-ocr-vie  # OCR of scans (--ocr)
  antiword catdoc unrtf          # .doc and .rtf, run as child processes
  librecode-dev                  # VNI and VIQR (legacy Vietnamese encodings)
  libcairo2-dev                  # tests draw PDFs and page images with it
  poppler-utils docx2txt recode  # bench/ peers (pdftotext, docx2txt) and test fixtures (recode)
  sqlite3 libsqlite3-dev        # the FTS5 peer in bench/
  libssl-dev                     # SHA-256 of API keys (libcrypto), searchd
  libsystemd-dev                 # sd_notify: searchd's readiness under systemd
  libjemalloc-dev                # the indexer's allocator (indexer/CMakeLists.txt says why)
  help2man                       # man pages from the tools' --help
  systemd procps                 # systemd-analyze verify of the units, and their kill (package tests)
  curl                           # HTTP smoke checks in scripts
  xapian-tools                   # xapian-tcpsrv, xapian-replicate(-server): shard and replica tests
  chromium fonts-noto-core       # browser tests of web/ (tests/browser; playwright-core drives it)
  clang libclang-rt-14-dev libomp-dev llvm-14  # scripts/sanitize.sh and fuzz.sh: clang's ASan, UBSan,
                                               # libFuzzer, OpenMP (OCR) and llvm-symbolizer
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
