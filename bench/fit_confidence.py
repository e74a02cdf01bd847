"""Fit the confidence model of normalize/repair/confidence.py on the dev split and write it.

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
false edits on the undamaged text; with `--folds K`, K-fold cross-validation by document.
`--examples FILE.npz` keeps the examples (about 3 minutes to collect) for the next run and refuses
a file collected from other documents. The test split is never used here.

    .venv/bin/python bench/fit_confidence.py [--docs 713] [--l2 1000] [--folds 5]
        [--examples FILE.npz] [--out normalize/data/repair_confidence.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
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


@dataclass
class Pass:
    """One pass over the documents: each repair's inputs, whether it is right, its document."""

    rate: float
    seed: int
    inputs: np.ndarray
    right: np.ndarray
    document: np.ndarray  # index of the repair's document in the list of texts
    damaged: np.ndarray  # damaged words per document


def examples(texts: list[str], rate: float, seed: int, model) -> Pass:
    """The repairs of one pass: every reported repair that could be applied is one example."""
    rng = random.Random(seed)
    xs: list[tuple[float, ...]] = []
    ys: list[bool] = []
    docs: list[int] = []
    damaged = []
    for index, text in enumerate(texts):
        bad, truths = damage(text, rate, rng) if rate else (text, [])
        damaged.append(len(truths))
        by_span = {(d.start, d.end): d.original for d in truths}
        ev = DocumentEvidence.from_texts([bad])
        for repair, facts in explain_repairs(bad, evidence=ev, model=model):
            xs.append(conf_model.feature_vector(facts))
            ys.append(by_span.get((repair.start, repair.end)) == repair.after)
            docs.append(index)
    inputs = np.array(xs, dtype=float).reshape(len(xs), len(conf_model.FEATURES))
    return Pass(rate, seed, inputs, np.array(ys, dtype=float), np.array(docs, dtype=int), np.array(damaged))


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


def lowest_bar(confidences: np.ndarray, right: np.ndarray) -> float | None:
    """The lowest confidence at which the repairs at or above it keep TARGET_PRECISION."""
    order = np.argsort(-confidences, kind="stable")
    share = np.cumsum(right[order]) / np.arange(1, len(order) + 1)
    reaching = np.nonzero(share >= TARGET_PRECISION)[0]
    return float(confidences[order][reaching.max()]) if len(reaching) else None


def collect(texts: list[str], model) -> list[Pass]:
    """The examples of each of PASSES."""
    return [examples(texts, rate, seed, model) for rate, seed in PASSES]


def load_or_collect(path: Path | None, texts: list[str], about: dict) -> list[Pass]:
    """The passes kept in ``path`` when they were collected from the same documents, else
    collected now (and kept there when a path is given)."""
    if path is not None and path.exists():
        saved = np.load(path)
        if json.loads(str(saved["about"])) != about:
            raise SystemExit(f"{path}: collected from other documents ({saved['about']}); remove it or pick another")
        fields = ("inputs", "right", "document", "damaged")
        return [Pass(rate, seed, *(saved[f"{name}{k}"] for name in fields)) for k, (rate, seed) in enumerate(PASSES)]
    passes = collect(texts, load_model())
    if path is not None:
        arrays = {
            f"{name}{k}": getattr(p, name)
            for k, p in enumerate(passes)
            for name in ("inputs", "right", "document", "damaged")
        }
        np.savez(path, about=json.dumps(about), **arrays)
    return passes


def cross_validate(passes: list[Pass], documents: int, folds: int, l2: float) -> None:
    """K-fold cross-validation by document: each fold scored by the model fitted on the other
    folds, at the bar chosen on them. Prints, at 2% damage (the passes pooled), the best recall
    with precision >= 99.5% over the out-of-fold confidences, and recall / precision at the other
    folds' bars; the same at the other rates; the false edits on the undamaged text."""
    fold_of = np.arange(documents) % folds
    out = [np.zeros(len(p.right)) for p in passes]
    applied = [np.zeros(len(p.right), dtype=bool) for p in passes]
    for fold in range(folds):
        train = [fold_of[p.document] != fold for p in passes]
        model = fit_model(
            np.vstack([p.inputs[t] for p, t in zip(passes, train, strict=True)]),
            np.concatenate([p.right[t] for p, t in zip(passes, train, strict=True)]),
            l2,
        )
        at_2 = [
            (model.confidences(p.inputs[t]), p.right[t]) for p, t in zip(passes, train, strict=True) if p.rate == 0.02
        ]
        bar = lowest_bar(np.concatenate([c for c, _ in at_2]), np.concatenate([r for _, r in at_2]))
        for k, p in enumerate(passes):
            held = ~train[k]
            out[k][held] = model.confidences(p.inputs[held])
            applied[k][held] = out[k][held] >= (bar if bar is not None else 1.0)
    for rate in sorted({p.rate for p in passes}):
        ks = [k for k, p in enumerate(passes) if p.rate == rate]
        right = np.concatenate([passes[k].right for k in ks])
        chosen = np.concatenate([applied[k] for k in ks])
        if not rate:
            print(f"{folds}-fold CV, clean text: {int(chosen.sum())} false edits at the other folds' bars")
            continue
        damaged = sum(int(passes[k].damaged.sum()) for k in ks)
        conf = np.concatenate([out[k] for k in ks])
        order = np.argsort(-conf, kind="stable")
        hits = np.cumsum(right[order])
        reaching = np.nonzero(hits / np.arange(1, len(order) + 1) >= TARGET_PRECISION)[0]
        best = hits[reaching.max()] / damaged if len(reaching) else 0.0
        got = right[chosen].sum()
        print(
            f"{folds}-fold CV, rate {rate:.1%}: best recall at precision >= {TARGET_PRECISION:.1%} {best:.2%}; "
            f"at the other folds' bars {got / damaged:.2%} / {got / max(1, chosen.sum()):.2%}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--docs", type=int, default=713, help="dev documents to use (713: all)")
    ap.add_argument("--max-chars", type=int, default=20000)
    ap.add_argument("--l2", type=float, default=1000.0, help="L2 penalty on the weights")
    ap.add_argument("--out", type=Path, help=f"write the model here (shipped: {conf_model.MODEL_PATH})")
    ap.add_argument("--examples", type=Path, help="keep the examples in this .npz and reuse them when it exists")
    ap.add_argument("--folds", type=int, default=0, help="also cross-validate with this many folds by document")
    args = ap.parse_args(argv)

    texts = []
    for doc_id, _, text in iter_corpus(Path(args.corpus), heldout=True):
        if split_of(doc_id) == "dev":
            texts.append(clip(text, args.max_chars))
            if len(texts) >= args.docs:
                break
    about = {"documents": len(texts), "max_chars": args.max_chars, "passes": [list(p) for p in PASSES]}
    passes = load_or_collect(args.examples, texts, about)
    x = np.vstack([p.inputs for p in passes])
    y = np.concatenate([p.right for p in passes])
    fitted = fit_model(x, y, args.l2)
    about_fit = (
        f"bench/fit_confidence.py: {len(texts)} dev documents, {len(y)} repairs ({int(y.sum())} right), l2 {args.l2}"
    )
    print(f"# {about_fit}")
    if args.out is not None:
        data = fitted.to_json(about_fit)
        conf_model.ConfidenceModel.from_json(data)  # what the pipeline will read back
        args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    at_2 = [p for p in passes if p.rate == 0.02]
    lowest = lowest_bar(
        np.concatenate([fitted.confidences(p.inputs) for p in at_2]), np.concatenate([p.right for p in at_2])
    )
    if lowest is not None:
        print(f"lowest bar with precision >= {TARGET_PRECISION:.1%} at 2% damage (seeds pooled): {lowest:.3f}")
    else:
        print(f"no bar keeps precision >= {TARGET_PRECISION:.1%} at 2% damage on these documents")
    for p in passes:
        conf = fitted.confidences(p.inputs)
        if not p.rate:
            tokens = sum(len(t.split()) for t in texts)
            for th in THRESHOLDS:
                print(f"clean text, threshold {th:.2f}: {int((conf >= th).sum())} false edits in ~{tokens} tokens")
            continue
        for th in THRESHOLDS:
            sel = conf >= th
            right = p.right[sel].sum()
            print(
                f"rate {p.rate:.1%} seed {p.seed}, threshold {th:.2f}: recall {right / p.damaged.sum():.2%} "
                f"precision {right / max(1, sel.sum()):.2%}"
            )
    if args.folds > 1:
        cross_validate(passes, len(texts), args.folds, args.l2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
