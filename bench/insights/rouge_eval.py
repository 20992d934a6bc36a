#!/usr/bin/env python3
"""ROUGE-1 F1 of the top five insights (first 100 words) against the human summary of AMI meetings.

usage: rouge_eval.py CLI STORY_DIR [GLOB_PREFIXES...]

STORY_DIR holds .story files whose `@highlight` lines are a human abstractive summary (meetings-dev/abstractive).
For each meeting the transcript (every non-highlight line, one paragraph per line) is written to a temporary file
and ranked by `CLI extract FILE --top 5 --json`; the picks, in rank order, are cut to 100 words and scored against
the summary. In the same run a plain sentence TextRank (TF-IDF cosine graph, PageRank, top five sentences of 8+
words, questions skipped) is scored the same way, so the two figures are comparable. ROUGE-1 here: lower-cased
alphanumeric tokens, no stemming, no stop-word removal, clipped unigram overlap; F1 averaged over meetings.
Prints one JSON line: ours on the cleaned `text`, ours on the exact `sourceText`, and TextRank.
"""
import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile

MAX_WORDS = 100


def tokens(s):
    return re.findall(r"[a-z0-9']+", s.lower())


def load(path):
    """Transcript lines and summary lines of one .story file."""
    lines = open(path, encoding='utf-8').read().split('\n')
    body, summary, i = [], [], 0
    while i < len(lines):
        if lines[i] == '@highlight':
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines):
                summary.append(lines[j])
            i = j + 1
        else:
            if lines[i].strip():
                body.append(lines[i])
            i += 1
    return body, summary


def rouge1_f1(picks, reference):
    cand = [t for p in picks for t in tokens(p)][:MAX_WORDS]
    ref = tokens(' '.join(reference))
    if not cand or not ref:
        return 0.0
    overlap = sum((collections.Counter(cand) & collections.Counter(ref)).values())
    if overlap == 0:
        return 0.0
    p, r = overlap / len(cand), overlap / len(ref)
    return 2 * p * r / (p + r)


STOP = set("the a an and or but so um uh yeah okay right i you we it that this is was to of in on for with be have do "
           "just like mm hmm well they he she there what know think".split())


def textrank(body, k=5, damping=0.85, iterations=30):
    sentences = [s for line in body for s in re.split(r'(?<=[.?!])\s+', line)
                 if len(tokens(s)) >= 8 and not s.strip().endswith('?')]
    n = len(sentences)
    if n == 0:
        return []
    docs = [[w for w in tokens(s) if w not in STOP] for s in sentences]
    df = collections.Counter(w for d in docs for w in set(d))
    vectors = []
    for d in docs:
        v = {w: c * math.log(1 + n / df[w]) for w, c in collections.Counter(d).items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vectors.append({w: x / norm for w, x in v.items()})
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = vectors[i], vectors[j]
            if len(a) > len(b):
                a, b = b, a
            sim[i][j] = sim[j][i] = sum(x * b.get(w, 0) for w, x in a.items())
    out = [sum(row) or 1 for row in sim]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        rank = [(1 - damping) / n + damping * sum(sim[j][i] * rank[j] / out[j] for j in range(n) if sim[j][i])
                for i in range(n)]
    order = sorted(range(n), key=lambda i: -rank[i])
    return [sentences[i] for i in order[:k]]


def extract(cli, body):
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write('\n\n'.join(body))
        path = f.name
    try:
        out = subprocess.run([cli, 'extract', path, '--top', '5', '--json'], capture_output=True, text=True,
                             timeout=120, check=True)
        return json.loads(out.stdout)['insights'][:5]
    finally:
        os.unlink(path)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cli, story_dir = sys.argv[1], sys.argv[2]
    prefixes = tuple(sys.argv[3:]) or ('',)
    files = sorted(f for f in os.listdir(story_dir) if f.endswith('.story') and f.startswith(prefixes))
    text = source = base = 0.0
    errors = 0
    for name in files:
        body, summary = load(os.path.join(story_dir, name))
        try:
            picks = extract(cli, body)
        except (subprocess.SubprocessError, ValueError, KeyError) as e:
            print(f"{name}: extract failed: {e}", file=sys.stderr)
            errors += 1
            picks = []
        text += rouge1_f1([p['text'] for p in picks], summary)
        source += rouge1_f1([p['sourceText'] for p in picks], summary)
        base += rouge1_f1(textrank(body), summary)
    n = max(1, len(files))
    print(json.dumps({'meetings': len(files), 'errors': errors, 'rouge1_f1': round(100 * text / n, 2),
                      'rouge1_f1_sourceText': round(100 * source / n, 2),
                      'textrank_rouge1_f1': round(100 * base / n, 2)}))


if __name__ == '__main__':
    main()
