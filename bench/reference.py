#!/usr/bin/env python3
"""The benchmark's ops with Python's json and numpy, one NDJSON item per line: what a user
might write instead of strompy."""
import json
import sys

import numpy as np


def apply(a, op):
    code = op["code"]
    if code == "dot":
        return np.array([[np.vdot(a, np.asarray(op["rhs"], dtype=float))]])
    if code == "add":
        return a + np.asarray(op["rhs"], dtype=float)
    if code == "mul":
        return a @ np.asarray(op["rhs"], dtype=float)
    if code == "transpose":
        return a.T
    raise ValueError("unsupported op " + code)


def main():
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        a = np.asarray(item["lhs"], dtype=float)
        for op in item["op"]:
            a = apply(a, op)
        out.write(json.dumps(a.tolist()) + "\n")


if __name__ == "__main__":
    main()
