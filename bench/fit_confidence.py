"""Fit the confidence model of normalize/repair/confidence.py on the dev split and print its weights.

Data: every dev document of the held-out corpus (clipped as in repair_eval.py), damaged the way
pages are damaged at 0.5%, 2% and 5% (seed 7) and at 2% again with another seed (8), plus the
undamaged text itself (all of whose repairs are wrong). Every reported repair that could be
applied is one example: its RepairFacts, and whether it gives back the original. The model is
an L2-regularised logistic regression (Newton's method, the intercept not penalised).

Prints the INTERCEPT and WEIGHTS to paste into confidence.py; the lowest bar at which the 2%
passes keep a precision of 99.5% (DEFAULT_THRESHOLD in core.py is that, rounded up to two
places); then, for the fitted weights, recall and precision per threshold at each rate and the
false edits on the undamaged text. The test split is never used here.

    .venv/bin/python bench/fit_confidence.py [--docs 713] [--l2 3.0]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # repair_eval, when imported from elsewhere

from repair_eval import clip, damage, split_of  # noqa: E402

from normalize.repair import DocumentEvidence, load_model  # noqa: E402
from normalize.repair import confidence as conf_model  # noqa: E402
from normalize.repair.core import explain_repairs  # noqa: E402
from normalize.repair.lm import DEFAULT_CORPUS, iter_corpus  # noqa: E402

#: (damage rate, seed) of each pass over the documents; rate 0 is the undamaged text.
PASSES = ((0.0, 0), (0.005, 7), (0.02, 7), (0.05, 7), (0.02, 8))
#: DEFAULT_THRESHOLD is the lowest bar at which the 2% passes keep this precision.
TARGET_PRECISION = 0.995
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.78, 0.8, 0.85, 0.9, 0.95)


def examples(texts: list[str], rate: float, seed: int, model) -> tuple[list, list[bool], int]:
    """(feature vectors, right or not, damaged words) of one pass."""
    rng = random.Random(seed)
    xs: list[tuple[float, ...]] = []
    ys: list[bool] = []
    damaged = 0
    for text in texts:
        bad, truths = damage(text, rate, rng) if rate else (text, [])
        damaged += len(truths)
        by_span = {(d.start, d.end): d.original for d in truths}
        ev = DocumentEvidence.from_texts([bad])
        for repair, facts in explain_repairs(bad, evidence=ev, model=model):
            xs.append(conf_model.feature_vector(facts))
            ys.append(by_span.get((repair.start, repair.end)) == repair.after)
    return xs, ys, damaged


def fit(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 50) -> np.ndarray:
    """Weights (intercept first) of an L2-regularised logistic regression, by Newton's method."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -40, 40)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--docs", type=int, default=713, help="dev documents to use (713: all)")
    ap.add_argument("--max-chars", type=int, default=20000)
    ap.add_argument("--l2", type=float, default=3.0, help="L2 penalty on the weights")
    args = ap.parse_args(argv)

    model = load_model()
    texts = []
    for doc_id, _, text in iter_corpus(Path(args.corpus), heldout=True):
        if split_of(doc_id) == "dev":
            texts.append(clip(text, args.max_chars))
            if len(texts) >= args.docs:
                break
    passes = []
    for rate, seed in PASSES:
        xs, ys, damaged = examples(texts, rate, seed, model)
        passes.append((rate, seed, np.array(xs, dtype=float), np.array(ys, dtype=float), damaged))
    x = np.vstack([p[2] for p in passes])
    y = np.concatenate([p[3] for p in passes])
    w = fit(x, y, args.l2)
    print(f"# {len(texts)} dev documents, {len(y)} repairs ({int(y.sum())} right), l2 {args.l2}")
    print(f"INTERCEPT = {w[0]:.6f}")
    print("WEIGHTS: dict[str, float] = {")
    for name, v in zip(conf_model.FEATURES, w[1:], strict=True):
        print(f'    "{name}": {v:.6f},')
    print("}")
    at_2 = [p for p in passes if p[0] == 0.02]
    z2 = np.concatenate([w[0] + p[2] @ w[1:] for p in at_2])
    y2 = np.concatenate([p[3] for p in at_2])
    order = np.argsort(-z2, kind="stable")
    share = np.cumsum(y2[order]) / np.arange(1, len(order) + 1)
    reaching = np.nonzero(share >= TARGET_PRECISION)[0]
    if len(reaching):
        lowest = 1.0 / (1.0 + np.exp(-z2[order][reaching.max()]))
        print(f"lowest bar with precision >= {TARGET_PRECISION:.1%} at 2% damage (seeds pooled): {lowest:.3f}")
    else:
        print(f"no bar keeps precision >= {TARGET_PRECISION:.1%} at 2% damage on these documents")
    for rate, seed, xs, ys, damaged in passes:
        z = w[0] + xs @ w[1:]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        if not rate:
            tokens = sum(len(t.split()) for t in texts)
            for th in THRESHOLDS:
                print(f"clean text, threshold {th:.2f}: {int((p >= th).sum())} false edits in ~{tokens} tokens")
            continue
        for th in THRESHOLDS:
            sel = p >= th
            right = ys[sel].sum()
            print(
                f"rate {rate:.1%} seed {seed}, threshold {th:.2f}: recall {right / damaged:.2%} "
                f"precision {right / max(1, sel.sum()):.2%}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
