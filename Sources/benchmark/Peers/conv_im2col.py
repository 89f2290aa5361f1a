"""Peer of the benchmark's `conv` workload: a 3x3 convolution with padding 1 (stride 1) as
im2col + one matrix product, forward and backward, on a batch of digit-sized maps.

Layout as in the course's core (Sources/DeepLearning/Convolution.swift): maps are
(N*H*W) x C, one row per pixel; the patch matrix P is (N*H'*W') x (k*k*C) with column
(i*k + j)*C + c; filters K are (k*k*C) x F; bias b is 1 x F.

  forward   Z = P K + b
  backward  dK = P^T G,  db = column sums of G,  dX = col2im(G K^T)

Inputs are integer formulas both programs compute exactly (see `pattern`), so the benchmark
checks this program's sums against its own before it trusts the time.

Usage: OPENBLAS_NUM_THREADS=1 python3 conv_im2col.py --channels 1 --filters 16 [--batch 64]
       [--runs 7] [--min-time 0.05]
Prints one line per figure: the check sums, then the median time of forward + backward.
"""
import argparse
import statistics
import time

import numpy as np


def pattern(count, multiplier, modulus):
    """x_t = ((t * multiplier) mod modulus) / modulus - 1/2 for t = 0, 1, ..., count - 1."""
    t = np.arange(count, dtype=np.int64)
    return (t * multiplier % modulus).astype(np.float64) / modulus - 0.5


def im2col(x, k, p):
    """x: N x H x W x C -> (N*H'*W') x (k*k*C), zeros outside the image."""
    n, h, w, c = x.shape
    ho, wo = h + 2 * p - k + 1, w + 2 * p - k + 1
    xp = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)))
    cols = np.empty((n, ho, wo, k, k, c))
    for i in range(k):
        for j in range(k):
            cols[:, :, :, i, j, :] = xp[:, i:i + ho, j:j + wo, :]
    return cols.reshape(n * ho * wo, k * k * c)


def col2im(d, shape, k, p):
    """The adjoint of im2col: adds every patch entry back onto its pixel."""
    n, h, w, c = shape
    ho, wo = h + 2 * p - k + 1, w + 2 * p - k + 1
    d = d.reshape(n, ho, wo, k, k, c)
    dxp = np.zeros((n, h + 2 * p, w + 2 * p, c))
    for i in range(k):
        for j in range(k):
            dxp[:, i:i + ho, j:j + wo, :] += d[:, :, :, i, j, :]
    return dxp[:, p:p + h, p:p + w, :]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--size", type=int, default=8)
    ap.add_argument("--channels", type=int, default=1)
    ap.add_argument("--filters", type=int, default=16)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--min-time", type=float, default=0.05)
    a = ap.parse_args()
    n, h, w, c, f, k, p = a.batch, a.size, a.size, a.channels, a.filters, 3, 1
    x = pattern(n * h * w * c, 7919, 1000).reshape(n, h, w, c)
    kf = pattern(k * k * c * f, 104729, 997).reshape(k * k * c, f)
    b = np.arange(f, dtype=np.float64).reshape(1, f) / 100
    g = pattern(n * h * w * f, 15485863, 1009).reshape(n * h * w, f)

    def step():
        cols = im2col(x, k, p)
        z = cols @ kf + b
        dk = cols.T @ g
        db = g.sum(axis=0)
        dx = col2im(g @ kf.T, x.shape, k, p)
        return z, dk, db, dx

    z, dk, db, dx = step()
    print(f"check z {z.sum():.12e} dk {dk.sum():.12e} db {db.sum():.12e} dx {dx.sum():.12e}")
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            step()
        if time.perf_counter() - t0 >= a.min_time:
            break
        reps *= 2
    times = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        for _ in range(reps):
            step()
        times.append((time.perf_counter() - t0) / reps)
    print(f"conv N={n} {h}x{w}x{c} F={f} k={k} p={p}: median {statistics.median(times) * 1e3:.4f} ms "
          f"(min {min(times) * 1e3:.4f}) per forward + backward, {reps} reps per run")


if __name__ == "__main__":
    main()
