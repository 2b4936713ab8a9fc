#!/usr/bin/env python3
"""Writes the op-catalogue fixtures that OpFixturesTest checks strompy against.

numpy/scipy are the oracle. For every op code this makes random inputs of varied shapes (seeded,
so reruns give the same files), asks numpy for the result, and writes:

  src/test/resources/fixtures/ops.ndjson           one strompy work item per line
  src/test/resources/fixtures/ops.expected.ndjson  per line, the expected result as nested rows,
                                                   or {"error": TYPE} where strompy must fail

Expected errors follow strompy's rules where numpy has none of its own: no broadcasting (shape),
and no NaN/Infinity in a result (numeric). numpy's LinAlgError is a numeric error too.
Also written: chains.ndjson / chains.expected.ndjson, long chains mixing ops, folded here.

Run by hand after changing the catalogue (not by CI):  python3 src/test/python/make_fixtures.py
"""
import json
import math
import os
import random

import numpy as np
import scipy.linalg

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures"))
EPS = np.finfo(float).eps
rng = random.Random(20261124)


class Expect(Exception):
    """A strompy error type the case must produce."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def number():
    r = rng.random()
    if r < 0.3:
        return float(rng.randint(-9, 9))
    return round(rng.uniform(-10, 10), 12)


def matrix(r, c):
    return np.array([[number() for _ in range(c)] for _ in range(r)])


def shape(max_side=5):
    return rng.randint(1, max_side), rng.randint(1, max_side)


def square(n=None):
    n = n or rng.randint(1, 5)
    return matrix(n, n)


def well_conditioned(n):
    return matrix(n, n) + 25 * np.eye(n)


def finite(x):
    x = np.atleast_2d(np.asarray(x, dtype=float))
    if not np.all(np.isfinite(x)):
        raise Expect("numeric")
    return x


def same(a, b):
    if a.shape != b.shape:
        raise Expect("shape")


def need_square(a):
    if a.shape[0] != a.shape[1]:
        raise Expect("shape")


def linalg(f, *args):
    try:
        return f(*args)
    except np.linalg.LinAlgError:
        raise Expect("numeric")


def scalar(x):
    return np.array([[x]])


def tol_rank(a, tol):
    return np.linalg.matrix_rank(a, tol=tol) if tol is not None else np.linalg.matrix_rank(a)


def pinv(a, tol):
    s = np.linalg.svd(a, compute_uv=False)
    cutoff = tol if tol is not None else s.max() * max(a.shape) * EPS
    rtol = cutoff / s.max() if s.max() > 0 else 0.0
    return np.linalg.pinv(a, rtol=rtol)


# code -> (kind of rhs, oracle(a, rhs) -> result or raise Expect)
ORACLE = {
    "dot": ("matrix", lambda a, b: (same(a, b), scalar(np.vdot(a, b)))[1]),
    "tr_dot": ("matrix", lambda a, b: (a.shape == b.T.shape or (_ for _ in ()).throw(Expect("shape")))
               and scalar(np.trace(a @ b))),
    "add": ("matrix", lambda a, b: (same(a, b), a + b)[1]),
    "sub": ("matrix", lambda a, b: (same(a, b), a - b)[1]),
    "mul": ("matrix", lambda a, b: a @ b if a.shape[1] == b.shape[0] else (_ for _ in ()).throw(Expect("shape"))),
    "tr_mul": ("matrix", lambda a, b: a.T @ b if a.shape[0] == b.shape[0] else (_ for _ in ()).throw(Expect("shape"))),
    "component_mul": ("matrix", lambda a, b: (same(a, b), a * b)[1]),
    "component_div": ("matrix", lambda a, b: (same(a, b), a / b)[1]),
    "kronecker": ("matrix", lambda a, b: np.kron(a, b)),
    "cross": ("matrix", lambda a, b: cross(a, b)),
    "inf": ("matrix", lambda a, b: (same(a, b), np.minimum(a, b))[1]),
    "sup": ("matrix", lambda a, b: (same(a, b), np.maximum(a, b))[1]),
    "metric_distance": ("matrix", lambda a, b: (same(a, b), scalar(np.linalg.norm(a - b)))[1]),
    "solve": ("matrix", lambda a, b: solve(a, b)),
    "scale": ("number", lambda a, s: a * s),
    "unscale": ("number", lambda a, s: a / s),
    "add_scalar": ("number", lambda a, s: a + s),
    "pow": ("power", lambda a, k: (need_square(a), np.linalg.matrix_power(a, int(k)))[1]),
    "lp_norm": ("p", lambda a, p: scalar(np.sum(np.abs(a) ** p) ** (1.0 / p))),
    "transpose": (None, lambda a, _: a.T),
    "neg": (None, lambda a, _: -a),
    "abs": (None, lambda a, _: np.abs(a)),
    "try_inverse": (None, lambda a, _: (need_square(a), linalg(np.linalg.inv, a))[1]),
    "determinant": (None, lambda a, _: (need_square(a), scalar(np.linalg.det(a)))[1]),
    "trace": (None, lambda a, _: (need_square(a), scalar(np.trace(a)))[1]),
    "norm": (None, lambda a, _: scalar(np.linalg.norm(a))),
    "norm_squared": (None, lambda a, _: scalar(np.linalg.norm(a) ** 2)),
    "normalize": (None, lambda a, _: a / np.linalg.norm(a) if np.linalg.norm(a) > 0 else (_ for _ in ()).throw(Expect("numeric"))),
    "sum": (None, lambda a, _: scalar(np.sum(a))),
    "product": (None, lambda a, _: scalar(np.prod(a))),
    "mean": (None, lambda a, _: scalar(np.mean(a))),
    "variance": (None, lambda a, _: scalar(np.var(a))),
    "max": (None, lambda a, _: scalar(np.max(a))),
    "min": (None, lambda a, _: scalar(np.min(a))),
    "amax": (None, lambda a, _: scalar(np.max(np.abs(a)))),
    "amin": (None, lambda a, _: scalar(np.min(np.abs(a)))),
    "row_sum": (None, lambda a, _: np.sum(a, axis=0, keepdims=True)),
    "column_sum": (None, lambda a, _: np.sum(a, axis=1, keepdims=True)),
    "row_mean": (None, lambda a, _: np.mean(a, axis=0, keepdims=True)),
    "column_mean": (None, lambda a, _: np.mean(a, axis=1, keepdims=True)),
    "diagonal": (None, lambda a, _: (need_square(a), np.diag(a)[:, None])[1]),
    "upper_triangle": (None, lambda a, _: np.triu(a)),
    "lower_triangle": (None, lambda a, _: np.tril(a)),
    "symmetric_part": (None, lambda a, _: (need_square(a), (a + a.T) / 2)[1]),
    "rank": ("tolerance", lambda a, t: scalar(tol_rank(a, t))),
    "pseudo_inverse": ("tolerance", lambda a, t: pinv(a, t)),
    "singular_values": (None, lambda a, _: np.linalg.svd(a, compute_uv=False)[:, None]),
    "symmetric_eigenvalues": (None, lambda a, _: (need_square(a), np.linalg.eigvalsh(a, UPLO="L")[:, None])[1]),
    "cholesky": (None, lambda a, _: (need_square(a), linalg(np.linalg.cholesky, a))[1]),
    "exp": (None, lambda a, _: (need_square(a), scipy.linalg.expm(a))[1]),
}


def cross(a, b):
    if not (a.shape == b.shape and a.shape in ((3, 1), (1, 3))):
        raise Expect("shape")
    return np.cross(a.ravel(), b.ravel()).reshape(a.shape)


def solve(a, b):
    need_square(a)
    if b.shape[0] != a.shape[0]:
        raise Expect("shape")
    return linalg(np.linalg.solve, a, b)


def cases(code):
    """(lhs, rhs) pairs for one op: valid ones of varied shapes, then ones that must fail."""
    kind = ORACLE[code][0]
    out = []
    for _ in range(6):
        if code in ("try_inverse", "solve"):
            n = rng.randint(1, 6)
            a = well_conditioned(n)
        elif code in ("pow", "determinant", "trace", "diagonal", "symmetric_part", "exp"):
            a = square()
            if code == "exp":
                a = a / rng.choice([1, 3, 10])
        elif code == "cholesky":
            n = rng.randint(1, 6)
            m = matrix(n, n)
            a = m @ m.T + n * np.eye(n)
            a = np.tril(a) + np.triu(matrix(n, n), 1)  # the upper triangle must not be read
        elif code == "symmetric_eigenvalues":
            a = square()  # not symmetric: only the lower triangle may be read
        elif code == "cross":
            a = matrix(*rng.choice([(3, 1), (1, 3)]))
        else:
            a = matrix(*shape())
        out.append((a, rhs_for(code, kind, a)))
    out.extend(failing(code, kind))
    return out


def rhs_for(code, kind, a):
    r, c = a.shape
    if kind is None:
        return None
    if kind == "number":
        return number() or 2.0
    if kind == "power":
        return rng.randint(0, 6)
    if kind == "p":
        return rng.randint(1, 5)
    if kind == "tolerance":
        return rng.choice([None, None, 1e-3, 1.0])
    if code in ("dot", "add", "sub", "component_mul", "inf", "sup", "metric_distance"):
        return matrix(r, c)
    if code == "component_div":
        b = matrix(r, c)
        b[b == 0] = 0.5
        return b
    if code == "tr_dot":
        return matrix(c, r)
    if code == "mul":
        return matrix(c, rng.randint(1, 5))
    if code == "tr_mul":
        return matrix(r, rng.randint(1, 5))
    if code == "kronecker":
        return matrix(*shape(3))
    if code == "cross":
        return matrix(r, c)
    if code == "solve":
        return matrix(r, rng.randint(1, 3))
    raise AssertionError(code)


def failing(code, kind):
    """Inputs that strompy must refuse, with the same oracle deciding the error type."""
    bad = []
    if kind == "matrix" and code != "kronecker":
        bad.append((matrix(2, 3), matrix(3, 3) if code != "mul" else matrix(2, 3)))
    if code in ("pow", "try_inverse", "determinant", "trace", "diagonal", "symmetric_part",
                "symmetric_eigenvalues", "cholesky", "exp"):
        bad.append((matrix(2, 3), rhs_for(code, kind, square(2)) if kind else None))
    if code in ("try_inverse", "solve"):
        a = well_conditioned(3)
        a[2] = a[0]  # two equal rows: an exactly zero pivot
        bad.append((a, matrix(3, 1) if code == "solve" else None))
        z = well_conditioned(3)
        z[1] = 0
        bad.append((z, matrix(3, 2) if code == "solve" else None))
    if code == "cholesky":
        bad.append((-np.eye(3), None))
        bad.append((np.array([[1.0, 0.0], [2.0, 1.0]]), None))  # symmetric from lower: indefinite
    if code == "component_div":
        bad.append((matrix(2, 2), np.array([[1.0, 0.0], [2.0, 3.0]])))
    if code == "unscale":
        bad.append((matrix(2, 2), 0.0))
    if code in ("scale", "add_scalar"):
        bad.append((np.array([[1e300, 2.0]]), 1e10 if code == "scale" else 1.7e308))
    if code == "normalize":
        bad.append((np.zeros((2, 3)), None))
    if code == "product":
        bad.append((np.full((3, 3), 1e40), None))
    if code == "pow":
        bad.append((np.array([[1e10, 0.0], [0.0, 1.0]]), 40))
    if code == "exp":
        bad.append((np.array([[800.0]]), None))
    return bad


def item(code, a, rhs):
    op = {"code": code}
    if rhs is not None:
        op["rhs"] = rhs.tolist() if isinstance(rhs, np.ndarray) else rhs
    if rng.random() < 0.5:
        lhs = {"d": a.ravel().tolist(), "n": a.shape[1]}
    else:
        lhs = a.tolist()
    return {"lhs": lhs, "op": [op]}


def expected(code, a, rhs):
    try:
        with np.errstate(all="ignore"):
            result = ORACLE[code][1](a, rhs)
        return finite(result).tolist()
    except Expect as e:
        return {"error": e.kind}


def write(name, pairs):
    with open(os.path.join(OUT, name + ".ndjson"), "w") as items, \
            open(os.path.join(OUT, name + ".expected.ndjson"), "w") as results:
        for it, exp in pairs:
            items.write(json.dumps(it, separators=(",", ":")) + "\n")
            results.write(json.dumps(exp, separators=(",", ":")) + "\n")


def chain(length):
    """A random chain on square matrices, mixing ops that keep the shape, folded with numpy."""
    n = rng.randint(2, 4)
    a = matrix(n, n)
    ops = []
    acc = a.copy()
    steps = ["add", "sub", "mul", "tr_mul", "transpose", "scale", "unscale", "add_scalar", "neg",
             "component_mul", "inf", "sup", "symmetric_part", "lower_triangle", "upper_triangle",
             "abs", "normalize", "solve", "pow", "exp"]
    for _ in range(length):
        code = rng.choice(steps)
        kind = ORACLE[code][0]
        if code == "solve":
            rhs = None
            acc_m = well_conditioned(n)
            ops.append({"code": "add", "rhs": acc_m.tolist()})
            acc = acc + acc_m
            rhs = matrix(n, n)
        elif code == "pow":
            rhs = rng.randint(0, 2)
        elif code in ("unscale",):
            rhs = rng.choice([2.0, 3.0, -4.0])
        elif code == "exp":
            ops.append({"code": "normalize"})
            acc = acc / np.linalg.norm(acc)
            rhs = None
        elif kind == "matrix":
            rhs = matrix(n, n)
        else:
            rhs = rhs_for(code, kind, acc)
        with np.errstate(all="ignore"):
            acc = ORACLE[code][1](acc, rhs)
        op = {"code": code}
        if rhs is not None:
            op["rhs"] = rhs.tolist() if isinstance(rhs, np.ndarray) else rhs
        ops.append(op)
        # Keep values in a range where every op stays well inside double precision.
        big = np.max(np.abs(acc))
        if big > 1e3:
            ops.append({"code": "unscale", "rhs": float(2 ** math.ceil(math.log2(big)))})
            acc = acc / float(2 ** math.ceil(math.log2(big)))
    return {"lhs": a.tolist(), "op": ops}, finite(acc).tolist()


def main():
    os.makedirs(OUT, exist_ok=True)
    pairs = []
    for code in ORACLE:
        for a, rhs in cases(code):
            pairs.append((item(code, a, rhs), expected(code, a, rhs)))
    write("ops", pairs)
    write("chains", [chain(rng.choice([5, 20, 60])) for _ in range(30)])
    errors = sum(1 for _, e in pairs if isinstance(e, dict))
    print(f"{len(pairs)} op cases ({errors} expected errors) for {len(ORACLE)} codes, 30 chains -> {OUT}")


if __name__ == "__main__":
    main()
