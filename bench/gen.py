#!/usr/bin/env python3
"""Seeded generator for the benchmark workloads.

  dot    items with random shapes up to 6x6 and one `dot` with a same-shaped rhs
  chain  4x4 items with 5 ops drawn from add/mul/transpose/dot (dot last when drawn, so
         every chain is valid)
  big    200x200 items with one `mul`

Numbers are half integers in [-1000, 1000], half doubles in [-100, 100) with 12 decimals.
Each workload is written as NDJSON (NAME.ndjson) and as one top-level array (NAME.json), with
matrices as rows ([[1,2],[3,4]]), and as NDJSON with the same matrices in the article's flat
form ({"d":[1,2,3,4],"n":2}: NAME.dn.ndjson), the same number texts in both.

usage: bench/gen.py OUTDIR [--scale 1.0]   (scale 1.0: dot 100 MB, chain 100 MB, big 50 MB)
"""
import argparse
import os
import random

SIZES = {"dot": 100_000_000, "chain": 100_000_000, "big": 50_000_000}


def number(rng):
    if rng.random() < 0.5:
        return str(rng.randint(-1000, 1000))
    return "%.12f" % rng.uniform(-100, 100)


def matrix(rng, r, c):
    """A matrix of number texts, row by row, written out by the form's writer."""
    return [[number(rng) for _ in range(c)] for _ in range(r)]


def rows(m):
    return "[" + ",".join("[" + ",".join(row) + "]" for row in m) + "]"


def flat(m):
    return '{"d":[%s],"n":%d}' % (",".join(x for row in m for x in row), len(m[0]))


def dot_item(rng):
    r, c = rng.randint(1, 6), rng.randint(1, 6)
    a, b = matrix(rng, r, c), matrix(rng, r, c)
    return lambda form: '{"lhs":%s,"op":[{"code":"dot","rhs":%s}]}' % (form(a), form(b))


def chain_item(rng):
    ops = []
    shape_is_scalar = False
    for _ in range(5):
        code = rng.choice(["add", "mul", "transpose", "dot"]) if not shape_is_scalar else "transpose"
        if code == "transpose":
            ops.append((code, None))
        else:
            ops.append((code, matrix(rng, 4, 4)))
            shape_is_scalar = code == "dot"
    lhs = matrix(rng, 4, 4)

    def text(form):
        return '{"lhs":%s,"op":[%s]}' % (form(lhs), ",".join(
            '{"code":"%s"}' % code if rhs is None else '{"code":"%s","rhs":%s}' % (code, form(rhs)) for code, rhs in ops))
    return text


def big_item(rng):
    a, b = matrix(rng, 200, 200), matrix(rng, 200, 200)
    return lambda form: '{"lhs":%s,"op":[{"code":"mul","rhs":%s}]}' % (form(a), form(b))


MAKERS = {"dot": dot_item, "chain": chain_item, "big": big_item}


def write(outdir, name, size):
    rng = random.Random({"dot": 1, "chain": 2, "big": 3}[name])
    nd = os.path.join(outdir, name + ".ndjson")
    arr = os.path.join(outdir, name + ".json")
    dn = os.path.join(outdir, name + ".dn.ndjson")
    written = 0
    count = 0
    with open(nd, "w") as f, open(arr, "w") as g, open(dn, "w") as h:
        g.write("[\n")
        while written < size:
            text = MAKERS[name](rng)
            item = text(rows)
            f.write(item + "\n")
            g.write((",\n" if count else "") + item)
            h.write(text(flat) + "\n")
            written += len(item) + 1
            count += 1
        g.write("\n]\n")
    print(f"{name}: {count} items, {written / 1e6:.1f} MB -> {nd}, {arr}, {dn}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", choices=sorted(SIZES))
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    for name, size in SIZES.items():
        if a.only in (None, name):
            write(a.outdir, name, int(size * a.scale))


if __name__ == "__main__":
    main()
