#!/usr/bin/env python3
"""Fits the polynomials behind GELU's SIMD value and slope (src/layers/activation.cpp) and prints them.

    |x| <= A:  Φ(x) = 1/2 + x·P(x²)                 P fits (Φ(x) − 1/2)/x over x² in [0, A²]
               Φ(x) + x·φ(x) = 1/2 + x·D(x²)        D fits (Φ(x) − 1/2)/x + φ(x): GELU's slope without an exp
    |x| >  A:  Q(a) = 1 − Φ(a) = e^(−a²/2)·R(w)     R fits Q(a)·e^(a²/2) over w = 1/(1 + a) in [1/14.5, 1/(1 + A)]

Beyond a = 13.5, e^(−a²/2) is below float's smallest normal and Q rounds to 0 whatever R gives, so R need not
reach w = 0. Each fit is least squares on Chebyshev nodes with relative weights, reweighted toward minimax
(Lawson's iteration); the printed error is the largest relative error over the nodes, in exact arithmetic.

Run once when changing A or the degrees (Debian: python3-mpmath):  scripts/fit-normal-cdf.py [A dP dD dR]
"""
import sys

import mpmath as mp

mp.mp.dps = 40


def fit(f, lo, hi, degree, nodes=400, rounds=30):
    xs = [(lo + hi) / 2 + (hi - lo) / 2 * mp.cos(mp.pi * (k + mp.mpf(0.5)) / nodes) for k in range(nodes)]
    ys = [f(x) for x in xs]
    lawson = [mp.mpf(1)] * nodes
    for _ in range(rounds):
        a = mp.matrix(nodes, degree + 1)
        b = mp.matrix(nodes, 1)
        for i, x in enumerate(xs):
            w = mp.sqrt(lawson[i]) / abs(ys[i])
            for j in range(degree + 1):
                a[i, j] = w * x**j
            b[i] = w * ys[i]
        c = mp.lu_solve(a.T * a, a.T * b)
        err = [abs(mp.polyval(list(reversed(c)), x) / ys[i] - 1) for i, x in enumerate(xs)]
        total = sum(lawson[i] * err[i] for i in range(nodes))
        lawson = [lawson[i] * err[i] * nodes / total for i in range(nodes)]
    return [c[j] for j in range(degree + 1)], max(err)


def main():
    if len(sys.argv) == 5:
        A, dP, dD, dR = mp.mpf(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    else:
        A, dP, dD, dR = mp.mpf(1.5), 5, 6, 6

    def p_target(s):  # (Φ(x) − 1/2)/x at x = √s; its limit at 0 is φ(0)
        if s == 0:
            return 1 / mp.sqrt(2 * mp.pi)
        x = mp.sqrt(s)
        return (mp.ncdf(x) - mp.mpf(0.5)) / x

    def d_target(s):  # p_target(s) + φ(√s)
        return p_target(s) + mp.npdf(mp.sqrt(s))

    def r_target(w):  # Q(a)·e^(a²/2) at a = 1/w − 1
        a = 1 / w - 1
        return mp.ncdf(-a) * mp.exp(a * a / 2)

    fits = (
        ("P", p_target, mp.mpf(0), A * A, dP),
        ("D", d_target, mp.mpf(0), A * A, dD),
        ("R", r_target, 1 / mp.mpf(14.5), 1 / (1 + A), dR),
    )
    for name, f, lo, hi, degree in fits:
        c, err = fit(f, lo, hi, degree)
        print(f"{name} (degree {degree}, relative error {mp.nstr(err, 3)}):")
        print("  " + ", ".join(f"{float(v):.9e}f" for v in c))


if __name__ == "__main__":
    main()
