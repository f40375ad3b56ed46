#!/usr/bin/env python3
"""The reference workload in PyTorch on the CPU, one thread: a peer that scripts/bench.sh runs in the same run
as tinyformer and TensorFlow.js. Developers run it through the bench; CI never does.

Model (as tests/bench/workload.mjs states it): decoder-only GPT, V 96, T 32, C 64, 4 heads, 2 layers, MLP 256,
pre-LN, learned positions, exact GELU, output tied to the token embedding (108,288 parameters), initialised as
nanoGPT does; B 16, Adam lr 1e-3. Data: the bench's synthetic stream, B random windows per batch.

  /usr/bin/python3 tests/bench/torch_gpt.py [--reps N] [--steps K]     prints one JSON object (the C++ bench's shape)

Needs Debian's python3-torch; with libopenblas0-pthread installed its generic BLAS is OpenBLAS (the JSON says which
BLAS library the process actually loaded).
"""
import argparse
import json
import math
import os
import platform
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402  (after the thread settings)
from torch import nn  # noqa: E402
from torch.nn import functional as F  # noqa: E402

V, T, C, H, L, FF, B, LR, PARAMS = 96, 32, 64, 4, 2, 256, 16, 1e-3, 108288


def synthetic_stream(n):
    """x' = (5x + 1 + r) mod V, r in {0, 1, 2} from xorshift32: the same numbers as workload.mjs and bench.cpp."""
    out = [0] * n
    s, x = 0x9E3779B9, 0
    for i in range(n):
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        x = (5 * x + 1 + s % 3) % V
        out[i] = x
    return torch.tensor(out, dtype=torch.long)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(C), nn.LayerNorm(C)
        self.attn, self.proj = nn.Linear(C, 3 * C), nn.Linear(C, C)
        self.fc, self.fc_proj = nn.Linear(C, FF), nn.Linear(FF, C)
        self.register_buffer("mask", torch.ones(T, T, dtype=torch.bool).tril().logical_not())

    def forward(self, x):  # x: (B, T, C)
        n, t, _ = x.shape
        q, k, v = self.attn(self.ln1(x)).split(C, dim=2)
        q, k, v = (z.view(n, t, H, C // H).transpose(1, 2) for z in (q, k, v))  # (B, H, T, D)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(C // H))  # (B, H, T, T)
        att = att.masked_fill(self.mask[:t, :t], float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(n, t, C)
        x = x + self.proj(y)
        return x + self.fc_proj(F.gelu(self.fc(self.ln2(x))))


class GPT(nn.Module):
    def __init__(self):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(V, C), nn.Embedding(T, C)
        self.blocks = nn.ModuleList(Block() for _ in range(L))
        self.ln_f = nn.LayerNorm(C)
        for name, p in self.named_parameters():
            if name.endswith("weight") and p.dim() == 2:
                std = 0.02 / math.sqrt(2 * L) if name.endswith("proj.weight") else 0.02
                nn.init.normal_(p, 0.0, std)
            elif name.endswith("bias"):
                nn.init.zeros_(p)

    def forward(self, idx, targets):  # idx, targets: (B, T)
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        for block in self.blocks:
            x = block(x)
        logits = self.ln_f(x) @ self.wte.weight.t()  # (B, T, V), tied output
        return F.cross_entropy(logits.view(-1, V), targets.view(-1))


def blas_library():
    """The BLAS shared library this process has mapped (after a matmul has run)."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower() and ".so" in line}
        return ", ".join(sorted(os.path.basename(p) for p in libs)) or "none mapped"
    except OSError:
        return "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--steps", type=int, default=10)
    opt = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    stream = synthetic_stream(1 << 17)
    gen = torch.Generator().manual_seed(12345)

    def batch():
        starts = torch.randint(0, stream.numel() - T - 1, (B,), generator=gen)
        x = torch.stack([stream[s : s + T] for s in starts.tolist()])
        y = torch.stack([stream[s + 1 : s + T + 1] for s in starts.tolist()])
        return x, y

    model = GPT()
    params = sum(p.numel() for p in model.parameters())
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8)

    def train_step():
        x, y = batch()
        loss = model(x, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss.item()

    first = train_step()
    w0 = time.perf_counter()
    while time.perf_counter() - w0 < 0.3:  # warm-up as in bench.cpp
        last = train_step()
    train_tps = []
    for _ in range(opt.reps):
        t0 = time.perf_counter()
        for _ in range(opt.steps):
            last = train_step()
        train_tps.append(opt.steps * B * T / (time.perf_counter() - t0))

    fwd_tps = []
    x, y = batch()
    with torch.no_grad():
        model(x, y)
        for _ in range(opt.reps):
            n = 2 * opt.steps
            t0 = time.perf_counter()
            for _ in range(n):
                model(x, y).item()
            fwd_tps.append(n * B * T / (time.perf_counter() - t0))

    checks = [
        {"check": "PyTorch model has 108,288 parameters", "params": params, "ok": params == PARAMS},
        {"check": "first training loss near ln 96 = 4.564", "loss": first, "ok": abs(first - math.log(V)) < 0.3},
        {"check": "training lowers the loss", "first": first, "last": last, "ok": last < first},
    ]
    metric = lambda id_, what, samples: {"id": id_, "what": what, "unit": "tokens/s", "samples": samples}  # noqa: E731
    print(json.dumps({
        "ok": all(c["ok"] for c in checks),
        "arch": f"PyTorch {torch.__version__} on {platform.machine()}, {torch.get_num_threads()} thread, BLAS {blas_library()}",
        "metrics": [
            metric("train_tokens_per_s", "training tokens/s (B=16 T=32, Adam)", train_tps),
            metric("forward_tokens_per_s", "forward tokens/s (B=16 T=32, with loss)", fwd_tps),
        ],
        "checks": checks,
        "losses": {"first": first, "last": last},
    }))


if __name__ == "__main__":
    main()
