#!/usr/bin/env python3
"""Failure sample from a vankho_eval --dump file: the questions a system missed (gold not in the top
10) with the gold article's title and rank, and the titles that ranked above it.

usage: bench/eval/failures.py DUMP [--system 'vankho default'] [--form written|unaccented]
                              [--n 20] [--seed 1] [--corpus FILE] [--questions FILE]
"""
import argparse
import gzip
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', '..', 'shared')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dump')
    ap.add_argument('--system', default='vankho default')
    ap.add_argument('--form', default='written')
    ap.add_argument('--n', type=int, default=20)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--corpus', default=os.environ.get('VANKHO_CORPUS', os.path.join(SHARED, 'corpus', 'phapdien.jsonl.gz')))
    ap.add_argument('--questions', default=os.environ.get('VANKHO_EVAL_QUESTIONS', os.path.join(SHARED, 'eval', 'legal-dev.jsonl')))
    a = ap.parse_args()

    questions = {}
    for line in open(a.questions, encoding='utf-8'):
        if line.strip():
            q = json.loads(line)
            questions[q['qid']] = q
    rows = [r for r in map(json.loads, open(a.dump, encoding='utf-8'))
            if r['system'] == a.system and r['form'] == a.form]
    if not rows:
        raise SystemExit(f'no rows for system {a.system!r} form {a.form!r} in {a.dump}')
    missed = [r for r in rows if not (1 <= r['rank'] <= 10)]
    ranks = [r['rank'] for r in rows]
    print(f'{a.system} / {a.form}: {len(rows)} questions, gold in top 10: {sum(1 for x in ranks if 1 <= x <= 10)}, '
          f'at 11-100: {sum(1 for x in ranks if x > 10)}, not in top 100: {ranks.count(0)}')
    random.Random(a.seed).shuffle(missed)
    sample = missed[:a.n]
    wanted = {g for r in sample for g in questions[r['qid']]['gold_phapdien_ids']}
    wanted |= {t for r in sample for t in r['top'][:3]}
    titles = {}
    with gzip.open(a.corpus, 'rt', encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            if d['id'] in wanted:
                titles[d['id']] = (d.get('title') or '', len(d.get('text') or ''))
    for r in sample:
        q = questions[r['qid']]
        print(f"\nQ {q['question']}")
        for g in q['gold_phapdien_ids']:
            t, n = titles.get(g, ('?', 0))
            print(f"   gold (rank {r['rank'] or '>100'}, {n} chars): {t}")
        for i, t in enumerate(r['top'][:3], 1):
            title, n = titles.get(t, ('?', 0))
            print(f"   #{i} ({n} chars): {title}")


if __name__ == '__main__':
    main()
