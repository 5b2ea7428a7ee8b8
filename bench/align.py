#!/usr/bin/env python3
"""Plain Python implementation of cjml's compare alignment (the peer of
bench/comparebench): the same integer costs, the same suffix dynamic program
with forward traceback (match, then missing, then ad hoc on ties), the same
swap check, cross-order pairing and longest increasing subsequence, aligning
by content only (no IDs, no compliance values), as comparebench does.

Usage: python3 bench/align.py JOURNEYS.jsonl  (written by comparebench -export)

Prints the totals comparebench prints, and the seconds the alignment took
(reading the file is not timed).
"""
import bisect
import json
import re
import sys
import time

KIND, INITIATOR, RECEIVER, CHANNEL, CHANNEL_FAMILY, LABEL, PHASE = 40, 25, 25, 20, 10, 60, 10
MISSING, ADHOC, IRREGULAR = 50, 50, 25
THRESHOLD = min(55, MISSING + ADHOC - 1)
WORD = re.compile(r"[^\W_]+")


def features(tp):
    kind, init, recv, key, fam, phase, ilabel, rlabel = tp[:8]
    words = set(WORD.findall(ilabel.lower())) | set(WORD.findall(rlabel.lower()))
    return (kind, init.strip(), recv.strip(), key, fam, phase.strip(), words)


def cost(p, a):
    c = 0
    if p[0] != a[0]:
        c += KIND
    if p[1] != a[1]:
        c += INITIATOR
    if p[2] != a[2]:
        c += RECEIVER
    if p[3] != a[3]:
        if p[4] != "" and p[4] == a[4]:
            c += CHANNEL_FAMILY
        else:
            c += CHANNEL
    if p[5] != a[5] and p[5] != "" and a[5] != "":
        c += PHASE
    inter = len(p[6] & a[6])
    union = len(p[6]) + len(a[6]) - inter
    if union > 0:
        c += (LABEL * (union - inter) + union // 2) // union
    return c


def align(P, A):
    """Returns (cost, worst cost, counts) of one journey."""
    n, m = len(P), len(A)
    pm = [-1] * n
    am = [-1] * m
    if n > 0 and m > 0:
        C = [[cost(p, a) for a in A] for p in P]
        stride = m + 1
        E = [0] * ((n + 1) * stride)
        last = n * stride
        for j in range(m - 1, -1, -1):
            E[last + j] = E[last + j + 1] + ADHOC
        for i in range(n - 1, -1, -1):
            row, nxt = i * stride, (i + 1) * stride
            E[row + m] = E[nxt + m] + MISSING
            Ci = C[i]
            for j in range(m - 1, -1, -1):
                best = E[nxt + j] + MISSING
                v = E[row + j + 1] + ADHOC
                if v < best:
                    best = v
                c = Ci[j]
                if c <= THRESHOLD:
                    v = E[nxt + j + 1] + c
                    if v < best:
                        best = v
                E[row + j] = best
        mx, my = [], []
        i = j = 0
        while i < n and j < m:
            e = E[i * stride + j]
            c = C[i][j]
            if c <= THRESHOLD and e == E[(i + 1) * stride + j + 1] + c:
                mx.append(i)
                my.append(j)
                i += 1
                j += 1
            elif e == E[(i + 1) * stride + j] + MISSING:
                i += 1
            else:
                j += 1
        k = 0
        while k + 1 < len(mx):
            x1, y1, x2, y2 = mx[k], my[k], mx[k + 1], my[k + 1]
            c12, c21 = C[x1][y2], C[x2][y1]
            if c12 <= THRESHOLD and c21 <= THRESHOLD and c12 + c21 + IRREGULAR < C[x1][y1] + C[x2][y2]:
                my[k], my[k + 1] = y2, y1
                k += 1
            k += 1
        for x, y in zip(mx, my):
            pm[x], am[y] = y, x
        for j in range(m):
            if am[j] >= 0:
                continue
            best, bc = -1, THRESHOLD + 1
            for i in range(n):
                if pm[i] < 0 and C[i][j] < bc:
                    best, bc = i, C[i][j]
            if best >= 0:
                pm[best], am[j] = j, best
    # Longest strictly increasing subsequence of planned positions.
    vals = [(am[j], j) for j in range(m) if am[j] >= 0]
    tails, tailvals, prev = [], [], []
    for k, (v, _) in enumerate(vals):
        lo = bisect.bisect_left(tailvals, v)
        prev.append(tails[lo - 1] if lo > 0 else -1)
        if lo == len(tails):
            tails.append(k)
            tailvals.append(v)
        else:
            tails[lo] = k
            tailvals[lo] = v
    in_lis = [False] * m
    k = tails[-1] if tails else -1
    while k >= 0:
        in_lis[vals[k][1]] = True
        k = prev[k]
    total = 0
    counts = {"completed": 0, "missing": 0, "adhoc": 0, "failing": 0, "irregular": 0}
    for j in range(m):
        i = am[j]
        if i < 0:
            total += ADHOC
            counts["adhoc"] += 1
        elif in_lis[j]:
            total += min(cost(P[i], A[j]), MISSING + ADHOC)
            counts["completed"] += 1
        else:
            total += min(cost(P[i], A[j]) + IRREGULAR, MISSING + ADHOC)
            counts["irregular"] += 1
    for i in range(n):
        if pm[i] < 0:
            total += MISSING
            counts["missing"] += 1
    return total, MISSING * n + ADHOC * m, counts


def main():
    with open(sys.argv[1]) as f:
        journeys = [json.loads(line) for line in f]
    plans = {j["id"]: j for j in journeys if j["kind"] == "planned"}
    plan = next(iter(plans.values()))
    actual = [j for j in journeys if j["kind"] == "actual"]
    start, cpu = time.perf_counter(), time.process_time()
    P = [features(tp) for tp in plan["touchpoints"]]
    cost_total = worst_total = steps = 0
    totals = {"completed": 0, "missing": 0, "adhoc": 0, "failing": 0, "irregular": 0}
    for j in actual:
        A = [features(tp) for tp in j["touchpoints"]]
        c, w, counts = align(P, A)
        cost_total += c
        worst_total += w
        for k, v in counts.items():
            totals[k] += v
            steps += v
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"journeys {len(actual)}\nsteps {steps}\ntotal cost {cost_total}\nworst cost {worst_total}")
    for k in ("completed", "missing", "adhoc", "failing", "irregular"):
        print(f"{k} {totals[k]}")
    print(f"seconds {seconds:.3f} (cpu {cpu:.3f})")


if __name__ == "__main__":
    main()
