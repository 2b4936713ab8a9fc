#!/usr/bin/env python3
"""Seeded generator for the benchmark workloads.

  dot    items with random shapes up to 6x6 and one `dot` with a same-shaped rhs
  chain  4x4 items with 5 ops drawn from add/mul/transpose/dot (dot last when drawn, so
         every chain is valid)
  big    200x200 items with one `mul`

Numbers are half integers in [-1000, 1000], half doubles in [-100, 100) with 12 decimals.
Each workload is written as NDJSON (NAME.ndjson) and as one top-level array (NAME.json).

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
    return "[" + ",".join("[" + ",".join(number(rng) for _ in range(c)) + "]" for _ in range(r)) + "]"


def dot_item(rng):
    r, c = rng.randint(1, 6), rng.randint(1, 6)
    return '{"lhs":%s,"op":[{"code":"dot","rhs":%s}]}' % (matrix(rng, r, c), matrix(rng, r, c))


def chain_item(rng):
    ops = []
    shape_is_scalar = False
    for _ in range(5):
        code = rng.choice(["add", "mul", "transpose", "dot"]) if not shape_is_scalar else "transpose"
        if code == "transpose":
            ops.append('{"code":"transpose"}')
        else:
            ops.append('{"code":"%s","rhs":%s}' % (code, matrix(rng, 4, 4)))
            shape_is_scalar = code == "dot"
    return '{"lhs":%s,"op":[%s]}' % (matrix(rng, 4, 4), ",".join(ops))


def big_item(rng):
    return '{"lhs":%s,"op":[{"code":"mul","rhs":%s}]}' % (matrix(rng, 200, 200), matrix(rng, 200, 200))


MAKERS = {"dot": dot_item, "chain": chain_item, "big": big_item}


def write(outdir, name, size):
    rng = random.Random({"dot": 1, "chain": 2, "big": 3}[name])
    nd = os.path.join(outdir, name + ".ndjson")
    arr = os.path.join(outdir, name + ".json")
    written = 0
    count = 0
    with open(nd, "w") as f, open(arr, "w") as g:
        g.write("[\n")
        while written < size:
            item = MAKERS[name](rng)
            f.write(item + "\n")
            g.write((",\n" if count else "") + item)
            written += len(item) + 1
            count += 1
        g.write("\n]\n")
    print(f"{name}: {count} items, {written / 1e6:.1f} MB -> {nd}, {arr}")


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
