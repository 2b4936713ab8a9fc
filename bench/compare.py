#!/usr/bin/env python3
"""compare.py A B: the two JSON-lines outputs hold the same results, to a relative tolerance
of 1e-9 against each matrix's largest entry. Exit 0 if they agree."""
import json
import sys

import numpy as np


def main():
    a_path, b_path = sys.argv[1], sys.argv[2]
    n = 0
    with open(a_path) as a, open(b_path) as b:
        for n, (la, lb) in enumerate(zip(a, b), 1):
            x = np.asarray(json.loads(la), dtype=float)
            y = np.asarray(json.loads(lb), dtype=float)
            scale = max(1.0, float(np.max(np.abs(x))))
            if x.shape != y.shape or np.max(np.abs(x - y)) > 1e-9 * scale:
                print(f"line {n}: {la.strip()[:80]} != {lb.strip()[:80]}")
                return 1
        if a.readline() or b.readline():
            print("different number of lines")
            return 1
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
