#!/usr/bin/env python3
"""Writes bench/load/portal-mix.txt: 1,000 /api/search request paths of what people type into a
portal's search box, for bench/load/run.sh (the "portal mix"; the "question mix" is the dev
questions, written by inprocess_bench --make-mix).

Made with (Python 3.11, standard library only; deterministic: a fixed seed, inputs read in order):

    python3 bench/load/make_portal_mix.py --corpus ../shared/corpus/phapdien.jsonl.gz \\
        --seeds seeds --out bench/load/portal-mix.txt

Drawn from the legal corpus (article titles, the act titles that the first article's source note
names, topic headings, document numbers, types and dates) and the five seed documents (their
phrases and the Party document codes they cite). Per 1,000 requests (examples from the output):

  230  1-4 consecutive syllables of an article or act title, with marks,     "vận hành khai thác", "Trách nhiệm",
       cut at word bounds (class Bonds)                                      "Phạm vi điều chỉnh", "hàng hải"
  120  the same without marks (unicodedata: marks removed, đ→d), lowercase   "huong dan thi hanh", "pham toi"
   60  a topic heading (40 with marks, 20 without)                           "Bảo hiểm tiền gửi", "phong, chong tham nhung"
   40  2-4 syllables of a seed document (25 with marks, 15 without)          "Chuẩn bị chu đáo", "BÍ THƯ THƯỜNG TRỰC"
  130  a document number of the corpus, 26 in each of five spellings:
       as written, type word + number/year, letters + number/year, all       "84/2021/NĐ-CP", "nghị định 165/2017",
       lowercase without marks or punctuation, as written without marks      "TT 01/2015", "02 2019 tt btttt", "75/2016/ND-CP"
   30  a Party code the seeds cite, in five spellings                        "13-NQ/TW", "NQ 13", "nghị quyết 49",
                                                                             "21 nq tw", "nghị quyết số 07-NQ/TU"
  100  a period: 30 alone, 70 after 1-3 title syllables (half without marks) "quý II năm 2015", "tháng 7/2016",
                                                                             "năm 2016", "quy dinh quy i nam 2020"
  170  a filter or facet click on 1-3 title syllables: 70 type=, 50 year=,   "trách nhiệm&type=luat", "Luật thuế&year=2018",
       30 type= and year= (10 of them with sort=date), 20 from=/to= years    "lao động&from=2009&to=2011"
  120  the second page (offset=10): 80 of title syllables, 20 of a number,   "kiểm tra&offset=10",
       20 with a type= click                                                 "chuyên môn&type=thong&offset=10"

Every filter value is one vankho's type and year facets offer on this corpus, weighted by how
many records have it: the type slug vankho gives the record's `source_type` (a label of
indexer/extract/doc_type.cpp becomes its slug, any other label its folded words joined by '-';
the corpus cuts most labels to their first word, so the slugs are "thong" (Thông tư), "nghi"
(Nghị định), "luat", "bo" (Bộ luật), "quyet", "phap", "chi", "sac"), and a year that some record's
`source_date` has (4,109 records have one). No issuer filter: vankho's issuer facet is read from a
document's header, title and signature, which the corpus's articles do not have. The order is
shuffled; q and the values are percent-encoded UTF-8 (quote(), safe=''). Facets, snippets and
the suggestion are left to searchd's defaults (on), as the search page asks for them.
"""
import argparse
import gzip
import json
import math
import random
import re
import unicodedata
import urllib.parse
from pathlib import Path

SEED = 20251126
# Two syllables are one word when the titles have them side by side 3 times or more with a PMI above
# BOND_PMI, or BOND_COUNT times or more ("vụ án", "vận tải"), neither being a stop word.
BOND_PMI, BOND_COUNT = 3.0, 20

# indexer/extract/doc_type.cpp: label → slug (what vankho indexes a supplied `type` as; another
# label becomes type_slug() of it).
TYPES = {
    "Chương trình": "chuong-trinh", "Nghị quyết": "nghi-quyet", "Chỉ thị": "chi-thi",
    "Kết luận": "ket-luan", "Quyết định": "quyet-dinh", "Quy định": "quy-dinh",
    "Kế hoạch": "ke-hoach", "Hướng dẫn": "huong-dan", "Thông báo": "thong-bao",
    "Báo cáo": "bao-cao", "Đề án": "de-an", "Quy chế": "quy-che", "Công văn": "cong-van",
    "Tờ trình": "to-trinh", "Nghị định": "nghi-dinh", "Thông tư liên tịch": "thong-tu-lien-tich",
    "Thông tư": "thong-tu", "Công điện": "cong-dien", "Bộ luật": "bo-luat", "Luật": "luat",
    "Pháp lệnh": "phap-lenh", "Hiến pháp": "hien-phap",
}
PARTY_LETTERS = {"NQ": "nghị quyết", "CT": "chỉ thị", "KL": "kết luận", "QĐ": "quyết định",
                 "QĐI": "quy định", "KH": "kế hoạch", "HD": "hướng dẫn", "TB": "thông báo",
                 "BC": "báo cáo", "CTr": "chương trình"}
# Function words: never one syllable of a longer word, and no search starts or ends with one; nor
# with the words that number a law's parts (STOP).
FUNCTION = set("""của và được có là các những cho trong theo về với thì không gì nào như thế khi này đó
để từ bị phải hay hoặc nếu mà ở tại trên một cũng đã sẽ rằng""".split())
STOP = FUNCTION | {"điều", "khoản", "mục", "chương", "điểm"}


def fold(s):
    """Marks removed (NFD, combining marks dropped), đ→d, lowercase: what people type without marks."""
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def type_slug(label):
    """extract.cpp apply_type(): a known label's slug, else the folded label, other characters as one '-'."""
    return TYPES.get(label) or re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-")


# The type word people put before a number, by the letters of the number ("91/2015/NĐ-CP") or,
# for a number without them ("57/2020/QH14"), by the record's (cut) source_type.
LABEL_OF_LETTERS = {"NĐ": "nghị định", "NQ": "nghị quyết", "TT": "thông tư", "TTLT": "thông tư liên tịch",
                    "QĐ": "quyết định", "CT": "chỉ thị", "SL": "sắc lệnh", "L": "luật"}
LABEL_OF_TYPE = {"Luật": "luật", "Bộ": "bộ luật", "Pháp": "pháp lệnh", "Nghị": "nghị quyết"}


def type_word(number, source_type):
    last = number.split("/")[-1]
    if "-" in last:
        return LABEL_OF_LETTERS.get(last.split("-")[0])
    return LABEL_OF_TYPE.get(source_type)


def low(w):
    return unicodedata.normalize("NFC", w).lower()


def words(s):
    return [w.strip(".,;:()\"'“”-–") for w in s.split() if w.strip(".,;:()\"'“”-–")]


class Bonds:
    """How strongly adjacent syllables hold together (how often the titles have them side by side, and
    their pointwise mutual information):
    a fragment does not cut a word of two or more syllables ("Phạm vi điều | chỉnh", "dự | án")."""

    def __init__(self, texts):
        self.one, self.two, self.n = {}, {}, 0
        for t in texts:
            ws = [low(w) for w in words(t)]
            for i, w in enumerate(ws):
                self.one[w] = self.one.get(w, 0) + 1
                if i:
                    self.two[ws[i - 1], w] = self.two.get((ws[i - 1], w), 0) + 1
            self.n += len(ws)

    def holds(self, a, b):
        a, b = low(a), low(b)
        ab = self.two.get((a, b), 0)
        if ab < 3 or a in FUNCTION or b in FUNCTION:
            return False
        return ab >= BOND_COUNT or math.log(ab * self.n / (self.one[a] * self.one[b])) > BOND_PMI


def fragment(rng, bonds, text, lengths=(1, 2, 2, 3, 3, 4)):
    """1-4 consecutive syllables of `text` (by `lengths`) that neither start nor end with a stop word
    or a number, nor cut a word."""
    ws = words(text)
    for _ in range(30):
        n = min(rng.choice(lengths), len(ws))
        if n == 0:
            return None
        i = rng.randrange(len(ws) - n + 1)
        first, last = low(ws[i]), low(ws[i + n - 1])
        if first in STOP or last in STOP or not first.isalpha() or not last.isalpha():
            continue
        if (i > 0 and bonds.holds(ws[i - 1], ws[i])) or (i + n < len(ws) and bonds.holds(ws[i + n - 1], ws[i + n])):
            continue
        return " ".join(ws[i:i + n])
    return None


def path(q, **params):
    out = "/api/search?q=" + urllib.parse.quote(q, safe="")
    for k, v in params.items():
        out += "&" + k + "=" + urllib.parse.quote(str(v), safe="")
    return out


def read_corpus(corpus):
    titles, acts, headings, numbers = [], {}, set(), {}
    types, years = {}, {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = re.sub(r"^Điều\s+\S+\s+", "", r.get("title") or "").strip()
            if t:
                titles.append(t)
            if r.get("demuc"):
                headings.add(re.sub(r"^Đề mục\s+[\d.]+\s+", "", r["demuc"]).strip())
            number, note, typ = r.get("source_number") or "", r.get("source_note") or "", r.get("source_type") or ""
            m = re.search("số " + re.escape(number) + r" (.+?) ngày ", note) if number else None
            if m and number not in acts:
                acts[number] = m.group(1)
            if number and number.count("/") == 2 and type_word(number, typ):
                numbers.setdefault(number, type_word(number, typ))
            if typ:
                types[type_slug(typ)] = types.get(type_slug(typ), 0) + 1
            d = re.fullmatch(r"\d{1,2}/\d{1,2}/(\d{4})", r.get("source_date") or "")
            if d:
                years[d.group(1)] = years.get(d.group(1), 0) + 1
    return titles, acts, sorted(headings), numbers, types, years


def code_spellings(number, label):
    """The five spellings of a State document number, "91/2015/NĐ-CP" of a "nghị định"."""
    parts = number.split("/")
    short = "/".join(parts[:2]) if len(parts) >= 2 else number
    last = parts[-1] if parts else ""
    # "ND 91/2015" for a Nghị định (the letters before the issuer); "luat 57/2020" for a Luật (57/2020/QH14)
    letters = fold(last.split("-")[0]).upper() if "-" in last else fold(label)
    return [number, label + " " + short, letters + " " + short,
            " ".join(re.split(r"[/\-\s]+", fold(number))), fold(number).upper()]


def party_spellings(code):
    """13-NQ/TW → "13-NQ/TW", "NQ 13", "nghị quyết 13", "13 nq tw", "nghị quyết số 13-NQ/TW"."""
    n, rest = code.split("-", 1)
    letters = rest.split("/")[0]
    label = PARTY_LETTERS.get(letters, letters.lower())
    return [code, fold(letters).upper() + " " + n, label + " " + n, " ".join(re.split(r"[/\-]", fold(code))),
            label + " số " + code]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="../shared/corpus/phapdien.jsonl.gz")
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--out", default="bench/load/portal-mix.txt")
    a = ap.parse_args()
    rng = random.Random(SEED)

    titles, acts, headings, numbers, types, years = read_corpus(a.corpus)
    act_titles = [acts[n] for n in sorted(acts)]
    title_pool = titles + act_titles * 5  # act titles are what people know an act by
    seed_text = [p.read_text(encoding="utf-8") for p in sorted(Path(a.seeds).glob("*.txt"))]
    seed_lines = [l.strip() for t in seed_text for l in t.splitlines() if len(words(l)) >= 4]
    party_codes = sorted(set(re.findall(r"\b\d+-(?:NQ|CT|KL|QĐ|KH|HD|TB|BC|CTr)/(?:TW|TU)\b", "\n".join(seed_text))))
    number_list = sorted(numbers)
    type_list = sorted(types)
    type_weights = [types[t] for t in type_list]
    year_list = sorted(years)
    year_weights = [years[y] for y in year_list]

    bonds = Bonds(titles + act_titles + headings + seed_lines)

    def words_q(lengths=(1, 2, 2, 3, 3, 4)):
        while True:
            f = fragment(rng, bonds, rng.choice(title_pool), lengths)
            if f:
                return f

    def a_type():
        return rng.choices(type_list, type_weights)[0]

    def a_year():
        return rng.choices(year_list, year_weights)[0]

    def a_code():
        n = rng.choice(number_list)
        return n, numbers[n]

    def period():
        y = rng.randrange(2015, 2026)
        return rng.choice([f"quý {rng.choice(['I', 'II', 'III', 'IV'])} năm {y}", f"tháng {rng.randrange(1, 13)}/{y}",
                           f"năm {y}", f"6 tháng đầu năm {y}"])

    out = []
    out += [path(words_q()) for _ in range(230)]
    out += [path(fold(words_q())) for _ in range(120)]
    out += [path(rng.choice(headings)) for _ in range(40)]
    out += [path(fold(rng.choice(headings))) for _ in range(20)]
    seeds_q = []
    while len(seeds_q) < 40:
        f = fragment(rng, bonds, rng.choice(seed_lines), (2, 3, 3, 4))
        if f and " " in f:
            seeds_q.append(f if len(seeds_q) < 25 else fold(f))
    out += [path(q) for q in seeds_q]
    for i in range(130):
        n, label = a_code()
        out.append(path(code_spellings(n, label)[i % 5]))
    for i in range(30):
        out.append(path(party_spellings(rng.choice(party_codes))[i % 5]))
    out += [path(period()) for _ in range(30)]
    for i in range(70):
        q = words_q((1, 2, 2, 3)) + " " + period()
        out.append(path(fold(q) if i % 2 else q))
    out += [path(words_q((1, 2, 3)), type=a_type()) for _ in range(70)]
    out += [path(words_q((1, 2, 3)), year=a_year()) for _ in range(50)]
    for i in range(30):
        extra = {"sort": "date"} if i < 10 else {}
        out.append(path(words_q((1, 2, 3)), type=a_type(), year=a_year(), **extra))
    for _ in range(20):
        y = int(a_year())
        out.append(path(words_q((1, 2, 3)), **{"from": str(y - rng.randrange(0, 3)), "to": str(y)}))
    out += [path(words_q(), offset=10) for _ in range(80)]
    for i in range(20):
        n, label = a_code()
        out.append(path(code_spellings(n, label)[i % 5], offset=10))
    out += [path(words_q((1, 2, 3)), type=a_type(), offset=10) for _ in range(20)]
    assert len(out) == 1000, len(out)
    rng.shuffle(out)
    Path(a.out).write_text("".join(p + "\n" for p in out), encoding="utf-8")
    print(f"make_portal_mix: wrote {len(out)} requests to {a.out} ({len(titles)} titles, {len(acts)} act titles, "
          f"{len(headings)} headings, {len(numbers)} numbers, {len(party_codes)} seed codes, types {type_list})")


if __name__ == "__main__":
    main()
