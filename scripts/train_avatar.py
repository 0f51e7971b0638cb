"""Train and cross-validate the avatar classifier; write its artifacts.

    python scripts/train_avatar.py --data ../shared/data/avatars

Reads ``labels.csv`` (file, label, hard_case, ...) and the images beside it (never copied),
computes the same features as :func:`staffpulse.signals.avatar.classify_avatar`, and:

1. runs repeated stratified k-fold cross-validation of the *whole* pipeline: in each fold the
   classifier is fitted on the training part only, and the placeholder signatures derived
   from dev defaults come from the training part only too (so a default is recognised in its
   test fold only by the drawn references, the shape templates or the grey-palette rule);
2. prints person-vs-logo accuracy, default recall, ``other`` recall, the confusion matrix
   and every misclassified file (with how many repeats got it wrong);
3. fits the final model on all rows and writes ``signals/artifacts/avatar_model.json`` and
   ``signals/artifacts/avatar_defaults.json`` (unless ``--dry-run``).

Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from staffpulse.signals.avatar import AvatarClassifier, AvatarVerdict, verdict_for_pixels
from staffpulse.signals.avatar_defaults import match_default, signature
from staffpulse.signals.avatar_io import load_avatar
from staffpulse.signals.avatar_placeholders import drawn_references

ARTIFACTS = Path(__file__).resolve().parents[1] / "src" / "staffpulse" / "signals" / "artifacts"
LABELS = ("person", "logo", "default", "other")
CLASSIFIER_LABELS = ("person", "logo", "other")


def read_rows(data: Path) -> list[dict[str, str]]:
    with (data / "labels.csv").open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row["label"] in LABELS]


def drawn_signatures() -> list[tuple[str, Any]]:
    return [(name, signature(np.asarray(im.convert("RGB")))) for name, im in drawn_references()]


def cross_validate(
    rows: list[dict[str, str]],
    images: list[Any],
    params: dict[str, float],
    *,
    folds: int,
    repeats: int,
    seed: int,
    augment: bool,
) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray([r["label"] for r in rows])
    names = [r["file"] for r in rows]
    drawn = drawn_signatures()
    computed = [verdict_features(img) for img in images]
    copies = [degraded_copies(img) for img in images]
    variants = [np.stack([c[2][0] for c in cs]) for cs in copies] if augment else None
    features = np.stack([c[0] for c in computed])
    robust: Counter[tuple[str, str]] = Counter()  # (kind, "ok" | "n" | "default_ok" | ...)
    pvl_acc: list[float] = []
    hard_acc: list[float] = []
    hard = np.asarray([r.get("hard_case") == "1" for r in rows])
    default_recall: list[float] = []
    other_recall: list[float] = []
    confusion = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    wrong: Counter[tuple[str, str, str]] = Counter()
    for rep in range(repeats):
        pred = np.empty(len(rows), dtype=object)
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + rep)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # fewer defaults than folds
            splits = list(splitter.split(features, y))
        for train, test in splits:
            fit_rows = [i for i in train if y[i] in CLASSIFIER_LABELS]
            model = fit_model(features, y, fit_rows, params, variants)
            refs = tuple(drawn) + tuple(
                (names[i], signature(images[i])) for i in train if y[i] == "default"
            )
            for i in test:
                pred[i] = verdict_for_pixels(names[i], images[i], model, refs, computed[i]).label
                if rep == 0:  # degraded copies of the test images, through the whole pipeline
                    for kind, rgb, comp in copies[i]:
                        got = verdict_for_pixels(names[i], rgb, model, refs, comp).label
                        robust[(kind, f"{y[i]}_n")] += 1
                        robust[(kind, f"{y[i]}_ok")] += int(got == y[i])
        pl = np.isin(y, ("person", "logo"))
        pvl_acc.append(float((pred[pl] == y[pl]).mean()))
        hard_acc.append(float((pred[pl & hard] == y[pl & hard]).mean()))
        default_recall.append(float((pred[y == "default"] == "default").mean()))
        other_recall.append(float((pred[y == "other"] == "other").mean()))
        for t, p in zip(y, pred, strict=True):
            confusion[LABELS.index(t), LABELS.index(p)] += 1
        for i in np.flatnonzero(pred != y):
            wrong[(names[i], str(y[i]), str(pred[i]))] += 1
    return {
        "folds": folds,
        "repeats": repeats,
        "seed": seed,
        "augment": augment,
        "person_vs_logo_accuracy_mean": float(np.mean(pvl_acc)),
        "person_vs_logo_accuracy_std": float(np.std(pvl_acc)),
        "person_vs_logo_accuracy_min": float(np.min(pvl_acc)),
        "person_vs_logo_hard_cases_accuracy_mean": float(np.mean(hard_acc)),
        "person_vs_logo_hard_cases": int((np.isin(y, ("person", "logo")) & hard).sum()),
        "default_recall_mean": float(np.mean(default_recall)),
        "default_recall_generic_rules_only": blind_default_recall(rows, images),
        "other_recall_mean": float(np.mean(other_recall)),
        "degraded_test_copies_first_repeat": {
            kind: {
                "person_vs_logo_accuracy": (robust[(kind, "person_ok")] + robust[(kind, "logo_ok")])
                / max(1, robust[(kind, "person_n")] + robust[(kind, "logo_n")]),
                "default_recall": robust[(kind, "default_ok")]
                / max(1, robust[(kind, "default_n")]),
            }
            for kind in AUGMENTATIONS
        },
        "confusion_labels": list(LABELS),
        "confusion_summed_over_repeats": confusion.tolist(),
        "misclassified": [
            {"file": f, "true": t, "predicted": p, "repeats": n}
            for (f, t, p), n in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    }


def blind_default_recall(rows: list[dict[str, str]], images: list[Any]) -> float:
    """Share of dev defaults recognised with no signature at all (templates and rules only)."""
    found = [
        match_default(img, ()) is not None
        for r, img in zip(rows, images, strict=True)
        if r["label"] == "default"
    ]
    return float(np.mean(found)) if found else float("nan")


_FEATURE_CACHE: dict[int, Any] = {}

#: Degraded copies added to the training rows: avatars reach us recompressed, upscaled from
#: tiny originals, in black and white, or small.
AUGMENTATIONS = ("jpeg55", "upscaled64", "grey", "small96")


def degrade(rgb: Any, kind: str) -> Any:
    from PIL import Image

    im = Image.fromarray(rgb)
    if kind == "jpeg55":
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=55)
        im = Image.open(buf).convert("RGB")
    elif kind == "upscaled64":
        im = im.resize((64, 64), Image.Resampling.BILINEAR).resize(
            im.size, Image.Resampling.BICUBIC
        )
    elif kind == "grey":
        im = im.convert("L").convert("RGB")
    elif kind == "small96":
        im = im.resize((96, 96), Image.Resampling.BILINEAR)
    return np.asarray(im)


def degraded_copies(rgb: Any) -> list[tuple[str, Any, Any]]:
    """``(kind, pixels, (features, faces))`` for each degraded copy of one image."""
    from staffpulse.signals.avatar import _detector
    from staffpulse.signals.avatar_features import image_features

    out = []
    for kind in AUGMENTATIONS:
        copy = degrade(rgb, kind)
        out.append((kind, copy, image_features(copy, _detector())))
    return out


def fit_model(
    features: Any, y: Any, rows: list[int], params: dict[str, float], variants: list[Any] | None
) -> AvatarClassifier:
    """Fit on ``rows`` (plus their degraded copies when ``variants`` is given)."""
    xs = [features[rows]]
    ys = [y[rows]]
    if variants is not None:
        for i in rows:
            xs.append(variants[i])
            ys.append(np.repeat(y[i], len(variants[i])))
    return AvatarClassifier(**params).fit(np.vstack(xs), np.concatenate(ys))


def verdict_features(rgb: Any) -> Any:
    from staffpulse.signals.avatar import _detector
    from staffpulse.signals.avatar_features import image_features

    key = id(rgb)
    if key not in _FEATURE_CACHE:
        _FEATURE_CACHE[key] = image_features(rgb, _detector())
    return _FEATURE_CACHE[key]


def print_report(cv: dict[str, Any], counts: Counter[str]) -> None:
    print(f"rows: {dict(counts)}")
    print(
        f"{cv['repeats']}x repeated stratified {cv['folds']}-fold CV (seed {cv['seed']}), "
        "whole pipeline:"
    )
    print(
        f"  person-vs-logo accuracy: {cv['person_vs_logo_accuracy_mean']:.4f} "
        f"(std {cv['person_vs_logo_accuracy_std']:.4f}, worst repeat "
        f"{cv['person_vs_logo_accuracy_min']:.4f})"
    )
    print(
        f"  person-vs-logo accuracy on the {cv['person_vs_logo_hard_cases']} hard cases: "
        f"{cv['person_vs_logo_hard_cases_accuracy_mean']:.4f}"
    )
    print(f"  default recall: {cv['default_recall_mean']:.3f}")
    print(
        "  default recall with no signature at all (shape templates, outline and grey rules "
        f"only): {cv['default_recall_generic_rules_only']:.3f}"
    )
    print(f"  other recall:   {cv['other_recall_mean']:.3f}")
    print("  degraded copies of the test images (first repeat):")
    for kind, m in cv["degraded_test_copies_first_repeat"].items():
        print(
            f"    {kind:>10}: person-vs-logo accuracy {m['person_vs_logo_accuracy']:.4f}, "
            f"default recall {m['default_recall']:.2f}"
        )
    print("  confusion matrix, summed over repeats (rows true, columns predicted):")
    print("  " + " " * 9 + "".join(f"{lbl:>9}" for lbl in LABELS))
    for lbl, row in zip(LABELS, cv["confusion_summed_over_repeats"], strict=True):
        print("  " + f"{lbl:>9}" + "".join(f"{v:>9}" for v in row))
    print("  misclassified (file: true -> predicted, in how many repeats):")
    for item in cv["misclassified"]:
        print(
            f"    {item['file']}: {item['true']} -> {item['predicted']} "
            f"({item['repeats']}/{cv['repeats']})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/avatars"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--other-weight", type=float, default=3.0)
    parser.add_argument("--other-threshold", type=float, default=0.7)
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only")
    parser.add_argument("--no-augment", action="store_true", help="train on originals only")
    args = parser.parse_args(argv)
    if not (args.data / "labels.csv").is_file():
        print(f"no labels.csv in {args.data}", file=sys.stderr)
        return 2

    rows = read_rows(args.data)
    started = time.perf_counter()
    images = [load_avatar(args.data / r["file"]) for r in rows]
    params = {
        "C": args.C,
        "other_weight": args.other_weight,
        "other_threshold": args.other_threshold,
    }
    augment = not args.no_augment
    cv = cross_validate(
        rows,
        images,
        params,
        folds=args.folds,
        repeats=args.repeats,
        seed=args.seed,
        augment=augment,
    )
    counts = Counter(r["label"] for r in rows)
    print_report(cv, counts)

    y = np.asarray([r["label"] for r in rows])
    features = np.stack([verdict_features(img)[0] for img in images])
    fit_rows = [i for i, lbl in enumerate(y) if lbl in CLASSIFIER_LABELS]
    variants = (
        [np.stack([c[2][0] for c in degraded_copies(img)]) for img in images] if augment else None
    )
    model = fit_model(features, y, fit_rows, params, variants)
    final = [
        verdict_for_pixels(r["file"], img, model, None, verdict_features(img))
        for r, img in zip(rows, images, strict=True)
    ]
    print(f"done in {time.perf_counter() - started:.1f}s")
    if args.dry_run:
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    model_doc = {
        "model": model.to_dict(),
        "training": {
            "command": "python scripts/train_avatar.py --data ../shared/data/avatars",
            "data": "shared/data/avatars (dev half), labels.csv",
            "rows": dict(counts),
            "cross_validation": {k: v for k, v in cv.items() if k != "misclassified"},
        },
    }
    (args.out / "avatar_model.json").write_text(json.dumps(model_doc, indent=1) + "\n")
    sigs = drawn_signatures() + [
        (f"dev:{r['file']}", signature(img))
        for r, img in zip(rows, images, strict=True)
        if r["label"] == "default"
    ]
    defaults_doc = {
        "about": "8x8 RGB thumbnails (0-255) of placeholder avatars: our drawings and the "
        "dev-set defaults (derived numbers only; the images are not shipped)",
        "signatures": [
            {"name": name, "signature": [round(float(v) * 255) for v in sig]} for name, sig in sigs
        ],
    }
    (args.out / "avatar_defaults.json").write_text(json.dumps(defaults_doc) + "\n")
    resub = sum(
        v.label == r["label"]
        for v, r in zip(final, rows, strict=True)
        if isinstance(v, AvatarVerdict)
    )
    print(
        f"wrote {args.out}/avatar_model.json and avatar_defaults.json (resubstitution {resub}/{len(rows)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
