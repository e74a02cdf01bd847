"""Fit the confidence model of normalize/repair/confidence.py on the dev split and print its weights.

Data: every dev document of the held-out corpus (clipped as in repair_eval.py), damaged the way
pages are damaged at 0.5%, 2% and 5% (seed 7) and at 2% again with another seed (8), plus the
undamaged text itself (all of whose repairs are wrong). Every reported repair that could be
applied is one example: its RepairFacts, and whether it gives back the original. The model is
an L2-regularised logistic regression (Newton's method, the intercept not penalised).

The model is logistic over the standardised inputs and their pairwise products
(normalize/repair/confidence.py); `--out` writes it as JSON (the shipped model is
normalize/data/repair_confidence.json). Prints the lowest bar at which the 2%
passes keep a precision of 99.5% (DEFAULT_THRESHOLD in core.py is that, rounded up to two
places); then, for the fitted weights, recall and precision per threshold at each rate and the
false edits on the undamaged text. The test split is never used here.

    .venv/bin/python bench/fit_confidence.py [--docs 713] [--l2 1000] [--out normalize/data/repair_confidence.json]
"""

from __future__ import annotations

import argparse
import json
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


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre and scale of each input. A yes/no input stays 0/1 (centre 0, scale 1): scaled by its
    spread, a rare one (a capital put back at a sentence's start, 1 repair in 1,500) would be 40
    units from its centre and weigh every product it is in as an extrapolation."""
    center = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    yes_no = np.all((x == 0.0) | (x == 1.0), axis=0)
    center[yes_no] = 0.0
    scale[yes_no] = 1.0
    return center, scale


def fit_model(x: np.ndarray, y: np.ndarray, l2: float) -> conf_model.ConfidenceModel:
    """The confidence model over the inputs `x` (one row per repair) and their pairwise products."""
    center, scale = standardise(x)
    w = fit(conf_model.expand((x - center) / scale), y, l2)
    n = x.shape[1]
    quadratic = np.zeros((n, n))
    for k, (i, j) in enumerate(conf_model.pairs(n)):
        quadratic[i, j] = w[1 + n + k]
    low, high = x.min(axis=0), x.max(axis=0)
    return conf_model.ConfidenceModel(low, high, center, scale, float(w[0]), w[1 : 1 + n], quadratic)


def probabilities(model: conf_model.ConfidenceModel, x: np.ndarray) -> np.ndarray:
    """The model's confidence of each row of inputs (vectorised ConfidenceModel.probability)."""
    z = model.standardised(x)
    logit = model.intercept + z @ model.linear + np.einsum("ri,ij,rj->r", z, model.quadratic, z)
    return np.minimum(1.0 / (1.0 + np.exp(-np.clip(logit, -40, 40))), conf_model.ceiling(x))


def collect(texts: list[str], model) -> list[tuple[float, int, np.ndarray, np.ndarray, int]]:
    """(rate, seed, inputs, right or not, damaged words) of each of PASSES."""
    passes = []
    for rate, seed in PASSES:
        xs, ys, damaged = examples(texts, rate, seed, model)
        passes.append((rate, seed, np.array(xs, dtype=float), np.array(ys, dtype=float), damaged))
    return passes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--docs", type=int, default=713, help="dev documents to use (713: all)")
    ap.add_argument("--max-chars", type=int, default=20000)
    ap.add_argument("--l2", type=float, default=1000.0, help="L2 penalty on the weights")
    ap.add_argument("--out", type=Path, help=f"write the model here (shipped: {conf_model.MODEL_PATH})")
    ap.add_argument("--examples", type=Path, help="keep the examples in this .npz and reuse them when it exists")
    args = ap.parse_args(argv)

    texts = []
    for doc_id, _, text in iter_corpus(Path(args.corpus), heldout=True):
        if split_of(doc_id) == "dev":
            texts.append(clip(text, args.max_chars))
            if len(texts) >= args.docs:
                break
    if args.examples is not None and args.examples.exists():
        saved = np.load(args.examples)
        passes = [(*PASSES[k], saved[f"x{k}"], saved[f"y{k}"], int(saved[f"d{k}"])) for k in range(len(PASSES))]
    else:
        passes = collect(texts, load_model())
        if args.examples is not None:
            np.savez(
                args.examples,
                **{f"{n}{k}": p[i] for k, p in enumerate(passes) for n, i in (("x", 2), ("y", 3), ("d", 4))},
            )
    x = np.vstack([p[2] for p in passes])
    y = np.concatenate([p[3] for p in passes])
    fitted = fit_model(x, y, args.l2)
    about = (
        f"bench/fit_confidence.py: {len(texts)} dev documents, {len(y)} repairs ({int(y.sum())} right), l2 {args.l2}"
    )
    print(f"# {about}")
    if args.out is not None:
        args.out.write_text(json.dumps(fitted.to_json(about), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    at_2 = [p for p in passes if p[0] == 0.02]
    p2 = np.concatenate([probabilities(fitted, p[2]) for p in at_2])
    y2 = np.concatenate([p[3] for p in at_2])
    order = np.argsort(-p2, kind="stable")
    share = np.cumsum(y2[order]) / np.arange(1, len(order) + 1)
    reaching = np.nonzero(share >= TARGET_PRECISION)[0]
    if len(reaching):
        lowest = p2[order][reaching.max()]
        print(f"lowest bar with precision >= {TARGET_PRECISION:.1%} at 2% damage (seeds pooled): {lowest:.3f}")
    else:
        print(f"no bar keeps precision >= {TARGET_PRECISION:.1%} at 2% damage on these documents")
    for rate, seed, xs, ys, damaged in passes:
        p = probabilities(fitted, xs)
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
