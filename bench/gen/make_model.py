#!/usr/bin/env python3
"""Builds vankho_gen's text model, bench/gen/vocab-model.txt.gz, from the legal corpus (run once;
the output is committed, so that vankho_gen needs no corpus).

The model is a syllable-bigram chain over the sentences of the corpus's article texts: Vietnamese
words are written as syllables separated by spaces, so a chain over syllables reproduces both the
unigram and the adjacent-pair statistics that vankho indexes (syllables, folded syllables and
syllable bigrams). A sentence is what lies between `.`, `;`, `:`, `!`, `?` and line ends, with list
markers (`1.`, `a)`, `-`) removed; its tokens are words and commas; any word holding a digit becomes
`#` (vankho_gen writes a small number there); a capitalized first word is lower-cased (vankho_gen
capitalizes each sentence). Sentences of 4 to 60 tokens are kept. Words seen fewer than MIN_COUNT
times, and the pairs seen fewer than MIN_COUNT times, are left out.

File format (UTF-8 text, gzip): a first line `vankho-gen-model 1 V`, then V lines, one per token id
0..V-1 in order of decreasing frequency, id 0 being the sentence boundary `<s>`:
    WORD <TAB> D:C D:C ...
each D:C a successor (its id as the difference from the previous successor's id, the first one
absolute) and how often it follows WORD in the corpus. The successors of `<s>` start sentences;
`<s>` as a successor ends one.

    python3 bench/gen/make_model.py [--corpus ../shared/corpus/phapdien.jsonl.gz] [--out FILE]
"""
import argparse
import collections
import gzip
import json
import re
import sys

MIN_COUNT = 2
TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|,", re.U)
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
LIST_MARKER = re.compile(r"^\s*(?:[-–•+*]|\(?\d+(?:\.\d+)*[.)]|\(?[a-zđ][)])\s*", re.U)


def sentences(text):
    for para in text.split("\n"):
        for s in SENTENCE_END.split(LIST_MARKER.sub("", para)):
            toks = ["#" if any(c.isdigit() for c in w) else w for w in TOKEN.findall(s)]
            while toks and toks[0] == ",":
                toks.pop(0)
            while toks and toks[-1] == ",":
                toks.pop()
            if not 4 <= len(toks) <= 60:
                continue
            first = toks[0]
            if first[:1].isupper() and not first[1:2].isupper():
                toks[0] = first[:1].lower() + first[1:]
            yield toks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="../shared/corpus/phapdien.jsonl.gz")
    ap.add_argument("--out", default="bench/gen/vocab-model.txt.gz")
    args = ap.parse_args()
    try:
        source = gzip.open(args.corpus, "rt", encoding="utf-8")
    except OSError as e:
        sys.exit(f"make_model.py: cannot read the corpus {args.corpus}: {e}")
    unigrams, bigrams = collections.Counter(), collections.Counter()
    with source:
        for line in source:
            for toks in sentences(json.loads(line).get("text") or ""):
                unigrams.update(toks)
                seq = ["<s>"] + toks + ["<s>"]
                bigrams.update(zip(seq, seq[1:]))
    words = [w for w, c in sorted(unigrams.items(), key=lambda wc: (-wc[1], wc[0])) if c >= MIN_COUNT]
    ids = {"<s>": 0}
    for w in words:
        ids[w] = len(ids)
    successors = collections.defaultdict(list)
    for (a, b), c in bigrams.items():
        if c >= MIN_COUNT and a in ids and b in ids:
            successors[ids[a]].append((ids[b], c))
    vocab = ["<s>"] + words
    pairs = 0
    # mtime=0: the same corpus gives the same bytes
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as raw:
        out = [f"vankho-gen-model 1 {len(vocab)}"]
        for i, w in enumerate(vocab):
            succ = sorted(successors.get(i, [])) or [(0, 1)]  # a word never followed: ends a sentence
            prev, cells = 0, []
            for j, c in succ:
                cells.append(f"{j - prev}:{c}")
                prev = j
            pairs += len(succ)
            out.append(w + "\t" + " ".join(cells))
        raw.write(("\n".join(out) + "\n").encode("utf-8"))
    print(f"make_model.py: {len(vocab)} tokens, {pairs} pairs -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
