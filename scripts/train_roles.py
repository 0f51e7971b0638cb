"""Train and cross-validate the role tagger; write the shipped artifact and a metrics JSON.

    python scripts/train_roles.py --data ../shared/data

Data (read in place, never copied):
  * accounts/crowdflower_twitter_users.csv: CrowdFlower "Twitter User Gender Classification"
    (CC0), brand = org, male/female = person, unknown dropped, weight = gender:confidence;
  * accounts/roles_labeled_dev.jsonl: two-annotator kind + role labels of 500 of those accounts;
  * scripts/roles_data/synthetic_accounts.jsonl: our own hand-written accounts (see its README);
  * scripts/roles_data/extra_labels.csv: our own kind + role labels (ids only, no text) of
    2,200 further CrowdFlower accounts, made under ROLES_GUIDELINES.md (see its README). They
    train the kind head only: almost all are role "other", and in the role head they lowered
    the industry F1 in CV (0.784 -> 0.750) while the kind head gained (0.917 -> 0.930);
  * weak negatives: a seeded random sample of CrowdFlower accounts with confidence 1 whose
    name and bio hit none of the recruiting/HR/jobs words, labeled role "other".

The org head never sees the role-labeled accounts, ours included (nor any account with the
same screen name) or the weak negatives, so its probability is out of sample wherever it is a feature.

Cross-validation: repeated stratified k-fold on the org head (CrowdFlower, grouped by screen
name), and repeated stratified *group* k-fold on the 500 role-labeled accounts (grouped by
screen name: some accounts appear twice) for the role and kind heads. Synthetic accounts and
weak negatives are only ever added to the training folds.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedGroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from staffpulse.signals.role_artifact import save_tagger  # noqa: E402
from staffpulse.signals.role_eval import accuracy_report, role_report  # noqa: E402
from staffpulse.signals.roles import (  # noqa: E402
    ARTIFACT_DIR,
    ARTIFACT_STEM,
    ROLES,
    LabeledAccounts,
    RoleTagger,
    harmonize_roles,
)

SYNTHETIC = REPO / "scripts" / "roles_data" / "synthetic_accounts.jsonl"
DEFAULT_METRICS = REPO / "docs" / "models" / "roles_metrics.json"
EXTRA_LABELS = REPO / "scripts" / "roles_data" / "extra_labels.csv"
# Copies of the training accounts without their posts, at this weight: the roles input may
# come without posts. Chosen by the role CV from {0, 0.5, 1}: kind accuracy and industry F1 with posts.
POSTLESS_WEIGHT = 1.0
WEAK_EXCLUDE = re.compile(
    r"recruit|staff|talent|headhunt|human resource|\bHR\b|job|hiring|career|placement|employ|payroll"
    r"|workforce|train|consult|coach|hire|resume|vacanc|\bATS\b|personnel|temp",
    re.IGNORECASE,
)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_crowdflower(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def to_labeled(rows: list[dict[str, Any]], *, weight: float = 1.0) -> LabeledAccounts:
    return LabeledAccounts(
        names=[r["name"] for r in rows],
        bios=[r.get("description") or "" for r in rows],
        texts=[r.get("text") or "" for r in rows],
        is_org=np.array([r["kind"] == "org" for r in rows]),
        roles=[r["role"] for r in rows],
        weight=np.full(len(rows), weight),
    )


def load_extra_labels(cf: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Our own kind + role labels joined to their CrowdFlower accounts (empty if absent)."""
    if not EXTRA_LABELS.is_file():
        return []
    by_id = {r["_unit_id"]: r for r in cf}
    rows: list[dict[str, Any]] = []
    with EXTRA_LABELS.open(encoding="utf-8") as f:
        for lab in csv.DictReader(f):
            account = by_id.get(lab["cf_unit_id"])
            if account is not None:
                rows.append({**account, "kind": lab["kind"], "role": lab["role"]})
    return rows


def build_datasets(data: Path, n_weak: int, seed: int) -> dict[str, Any]:
    accounts = data / "accounts"
    cf = load_crowdflower(accounts / "crowdflower_twitter_users.csv")
    dev = load_jsonl(accounts / "roles_labeled_dev.jsonl")
    synthetic = load_jsonl(SYNTHETIC)
    extra = load_extra_labels(cf)
    dev_names = {r["name"].lower() for r in dev} | {r["name"].lower() for r in extra}
    labeled = [
        r
        for r in cf
        if r["gender"] in ("brand", "male", "female") and r["name"].lower() not in dev_names
    ]
    candidates = [
        i
        for i, r in enumerate(labeled)
        if r["gender:confidence"] == "1"
        and not WEAK_EXCLUDE.search(f"{r['name']} {r['description']}")
    ]
    rng = np.random.default_rng(seed)
    weak_idx = set(
        rng.choice(candidates, size=min(n_weak, len(candidates)), replace=False).tolist()
    )
    org_rows = [r for i, r in enumerate(labeled) if i not in weak_idx]
    weak_rows = [
        {
            "name": labeled[i]["name"],
            "description": labeled[i]["description"],
            "text": labeled[i]["text"],
            "kind": "org" if labeled[i]["gender"] == "brand" else "person",
            "role": "other",
        }
        for i in sorted(weak_idx)
    ]
    org = LabeledAccounts(
        names=[r["name"] for r in org_rows],
        bios=[r["description"] for r in org_rows],
        texts=[r["text"] for r in org_rows],
        is_org=np.array([r["gender"] == "brand" for r in org_rows]),
        weight=np.array([float(r["gender:confidence"] or 0.5) for r in org_rows]),
    )
    cf_by_id = {r["_unit_id"]: r for r in cf}
    return {
        "org": org,
        "org_groups": np.array([r["name"].lower() for r in org_rows]),
        "dev": to_labeled(dev),
        "dev_rows": dev,
        "dev_groups": np.array([r["name"].lower() for r in dev]),
        "dev_cf_gender": [cf_by_id.get(r["id"], {}).get("gender", "") for r in dev],
        "synthetic": to_labeled(synthetic),
        "extra": to_labeled(extra),
        "weak": to_labeled(weak_rows),
        "counts": {
            "crowdflower_rows": len(cf),
            "org_head_rows": len(org_rows),
            "role_labeled_rows": len(dev),
            "synthetic_rows": len(synthetic),
            "own_labeled_rows": len(extra),
            "weak_negative_rows": len(weak_rows),
        },
    }


def cv_org_head(
    ds: dict[str, Any],
    params: dict[str, Any],
    folds: int,
    repeats: int,
    seed: int,
    postless_weight: float = 0.0,
) -> dict[str, Any]:
    org: LabeledAccounts = ds["org"]
    y = np.asarray(org.is_org, dtype=int)
    conf_one = org.weight >= 0.999
    preds, hi_preds = [], []
    for rep in range(repeats):
        pred = np.zeros(len(org), dtype=int)
        splitter = StratifiedGroupKFold(folds, shuffle=True, random_state=seed + rep)
        for k, (tr, te) in enumerate(splitter.split(np.zeros(len(y)), y, ds["org_groups"])):
            t0 = time.time()
            tagger = RoleTagger(**params).fit_org(
                org.subset(tr).with_postless_copies(postless_weight)
            )
            te_rows = org.subset(te)
            pred[te] = tagger.org_probability(te_rows.names, te_rows.bios, te_rows.texts) >= 0.5
            log(f"  org CV repeat {rep + 1} fold {k + 1}: {time.time() - t0:.0f}s")
        preds.append(pred)
        hi_preds.append(pred[conf_one])
    return {
        "all_rows": accuracy_report(y, preds),
        "confidence_1_rows": accuracy_report(y[conf_one], hi_preds),
        "folds": folds,
        "repeats": repeats,
    }


def cv_role_heads(
    ds: dict[str, Any],
    base: RoleTagger,
    folds: int,
    repeats: int,
    seed: int,
    *,
    use_synthetic: bool = True,
    use_extra: bool = True,
    postless_weight: float = 0.0,
) -> dict[str, Any]:
    dev: LabeledAccounts = ds["dev"]
    roles = np.array(dev.roles)
    strat = np.where(roles == "job_seeker", "other", roles)  # one job seeker: cannot stratify it
    role_preds: list[list[str]] = []
    raw_preds: list[list[str]] = []
    kind_preds, first_stage, kind_preds_postless = [], [], []
    role_preds_postless: list[list[str]] = []
    p1 = base.org_probability(dev.names, dev.bios, dev.texts)
    for rep in range(repeats):
        scores = np.zeros((len(dev), len(ROLES)))
        p_org = np.zeros(len(dev))
        scores_postless = np.zeros((len(dev), len(ROLES)))
        p_org_postless = np.zeros(len(dev))
        splitter = StratifiedGroupKFold(folds, shuffle=True, random_state=seed + rep)
        for tr, te in splitter.split(np.zeros(len(dev)), strat, ds["dev_groups"]):
            train = dev.subset(tr).with_postless_copies(postless_weight)
            parts = [train, ds["weak"]]
            kind_parts = [train]
            if use_synthetic:
                synthetic = ds["synthetic"].with_postless_copies(postless_weight)
                parts.append(synthetic)
                kind_parts.append(synthetic)
            if use_extra and len(ds["extra"]):  # kind only: see own_labels_for_kind_only
                kind_parts.append(ds["extra"].with_postless_copies(postless_weight))
            tagger = RoleTagger(**{**base.get_params(), "consistent_roles": False})
            tagger.org_head_ = base.org_head_
            tagger.fit_heads(LabeledAccounts.concat(parts), LabeledAccounts.concat(kind_parts))
            te_rows = dev.subset(te)
            out = tagger.predict(te_rows.names, te_rows.bios, te_rows.texts)
            scores[te] = out.role_scores
            p_org[te] = out.p_org
            # the same accounts given without their posts (a bio-only input)
            out = tagger.predict(te_rows.names, te_rows.bios, [""] * len(te))
            scores_postless[te] = out.role_scores
            p_org_postless[te] = out.p_org
        is_org = p_org >= base.org_threshold
        raw_preds.append([ROLES[i] for i in scores.argmax(axis=1)])
        role_preds.append([ROLES[i] for i in harmonize_roles(scores, p_org).argmax(axis=1)])
        kind_preds.append(is_org)
        kind_preds_postless.append(p_org_postless >= base.org_threshold)
        role_preds_postless.append(
            [ROLES[i] for i in harmonize_roles(scores_postless, p_org_postless).argmax(axis=1)]
        )
        first_stage.append(p1 >= 0.5)
        log(f"  role CV repeat {rep + 1}/{repeats} done")
    truth_org = np.asarray(dev.is_org, dtype=bool)
    cf_gender = np.array(ds["dev_cf_gender"])
    known = np.isin(cf_gender, ["brand", "male", "female"])
    return {
        "roles": role_report(list(roles), role_preds if base.consistent_roles else raw_preds),
        "roles_without_kind_consistency": role_report(list(roles), raw_preds),
        "roles_with_kind_consistency": role_report(list(roles), role_preds),
        "kind_vs_annotators": accuracy_report(truth_org, kind_preds),
        "kind_org_head_only_vs_annotators": accuracy_report(truth_org, first_stage),
        "kind_vs_annotators_without_posts": accuracy_report(truth_org, kind_preds_postless),
        "roles_without_posts": role_report(list(roles), role_preds_postless),
        "kind_vs_crowdflower_labels": accuracy_report(
            (cf_gender == "brand")[known], [k[known] for k in kind_preds]
        ),
        "folds": folds,
        "repeats": repeats,
        "synthetic_in_training": use_synthetic,
        "own_labels_in_training": use_extra,
        "postless_copies_weight": postless_weight,
    }


def summarize(metrics: dict[str, Any]) -> str:
    lines = []
    if "org_head_cv" in metrics:
        o = metrics["org_head_cv"]
        lines.append(
            f"org/person on CrowdFlower (CV {o['folds']}x{o['repeats']}): acc {o['all_rows']['accuracy']:.3f} "
            f"(95% CI {o['all_rows']['ci95_wilson'][0]:.3f}-{o['all_rows']['ci95_wilson'][1]:.3f}, n={o['all_rows']['n']}); "
            f"confidence-1 rows {o['confidence_1_rows']['accuracy']:.3f}"
        )
    r = metrics["role_cv"]
    k = r["kind_vs_annotators"]
    lines.append(
        f"kind vs annotators (500 role-labeled accounts): acc {k['accuracy']:.3f} "
        f"(95% CI {k['ci95_wilson'][0]:.3f}-{k['ci95_wilson'][1]:.3f}); org head alone "
        f"{r['kind_org_head_only_vs_annotators']['accuracy']:.3f}; vs CrowdFlower labels "
        f"{r['kind_vs_crowdflower_labels']['accuracy']:.3f}"
    )
    if "kind_vs_annotators_without_posts" in r:
        lines.append(
            "given without posts: kind vs annotators "
            f"{r['kind_vs_annotators_without_posts']['accuracy']:.3f}, job_board F1 "
            f"{r['roles_without_posts']['job_board']['f1']:.3f}, industry F1 "
            f"{r['roles_without_posts']['industry']['f1']:.3f}"
        )
    lines.append(
        f"{'role':14s} {'n':>4s} {'pred':>6s} {'prec':>5s} {'(95% CI)':>13s} {'rec':>5s} {'(95% CI)':>13s} {'F1':>5s} {'F1 95% CI':>13s}"
    )
    for name in [*ROLES, "industry"]:
        e = r["roles"][name]
        lines.append(
            f"{name:14s} {e['support']:4.0f} {e['predicted']:6.1f} {e['precision']:5.2f} "
            f"({e['precision_ci95'][0]:.2f}-{e['precision_ci95'][1]:.2f}) {e['recall']:5.2f} "
            f"({e['recall_ci95'][0]:.2f}-{e['recall_ci95'][1]:.2f}) {e['f1']:5.2f} "
            f"({e['f1_ci95_bootstrap'][0]:.2f}-{e['f1_ci95_bootstrap'][1]:.2f})"
        )
    lines.append(f"role accuracy {r['roles']['accuracy']['mean']:.3f}")
    for label, key in (
        ("with", "roles_with_kind_consistency"),
        ("without", "roles_without_kind_consistency"),
    ):
        v = r[key]
        lines.append(
            f"{label} kind consistency: job_board F1 {v['job_board']['f1']:.3f}, "
            f"industry F1 {v['industry']['f1']:.3f}, accuracy {v['accuracy']['mean']:.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR, help="artifact folder")
    ap.add_argument(
        "--metrics",
        type=Path,
        default=None,
        help="metrics JSON (default: docs/models/roles_metrics.json when the model is saved; "
        "with --no-save, written only when given)",
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5, help="repeats of the role CV")
    ap.add_argument(
        "--org-repeats", type=int, default=2, help="repeats of the CrowdFlower CV (0: skip)"
    )
    ap.add_argument(
        "--weak", type=int, default=1000, help="weak 'other' negatives from CrowdFlower"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--postless-weight",
        type=float,
        default=POSTLESS_WEIGHT,
        help="weight of the copies of training accounts without their posts (0: none)",
    )
    ap.add_argument(
        "--ablation", action="store_true", help="also cross-validate without synthetic rows"
    )
    ap.add_argument("--no-save", action="store_true", help="cross-validate only")
    args = ap.parse_args(argv)

    if not (args.data / "accounts" / "crowdflower_twitter_users.csv").is_file():
        log(f"error: {args.data}/accounts/crowdflower_twitter_users.csv not found (pass --data)")
        return 2
    t_start = time.time()
    ds = build_datasets(args.data, args.weak, args.seed)
    log(f"data: {ds['counts']}")
    params: dict[str, Any] = {}
    metrics: dict[str, Any] = {"counts": ds["counts"], "seed": args.seed}

    log("fitting the org head on CrowdFlower ...")
    pw = args.postless_weight
    base = RoleTagger(**params).fit_org(ds["org"].with_postless_copies(pw))
    metrics["params"] = base.get_params()
    log("cross-validating the role and kind heads ...")
    metrics["role_cv"] = cv_role_heads(
        ds, base, args.folds, args.repeats, args.seed, postless_weight=pw
    )
    if args.ablation:
        log("ablation: no synthetic rows ...")
        metrics["role_cv_without_synthetic"] = cv_role_heads(
            ds, base, args.folds, args.repeats, args.seed, use_synthetic=False, postless_weight=pw
        )
        if len(ds["extra"]):
            log("ablation: none of our own labels ...")
            metrics["role_cv_without_own_labels"] = cv_role_heads(
                ds, base, args.folds, args.repeats, args.seed, use_extra=False, postless_weight=pw
            )
    if args.org_repeats > 0:
        log("cross-validating the org head on CrowdFlower ...")
        metrics["org_head_cv"] = cv_org_head(
            ds, params, args.folds, args.org_repeats, args.seed, postless_weight=pw
        )

    final = RoleTagger(**params)
    final.org_head_ = base.org_head_
    dev_all = ds["dev"].with_postless_copies(pw)
    synthetic_all = ds["synthetic"].with_postless_copies(pw)
    extra_all = [ds["extra"].with_postless_copies(pw)] if len(ds["extra"]) else []
    final.fit_heads(
        LabeledAccounts.concat([dev_all, synthetic_all, ds["weak"]]),
        LabeledAccounts.concat([dev_all, synthetic_all, *extra_all]),
    )
    metrics["environment"] = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit_learn": sklearn.__version__,
        "train_seconds": round(time.time() - t_start, 1),
    }
    print(summarize(metrics))
    if "role_cv_without_synthetic" in metrics:
        print("\nwithout synthetic rows:")
        print(summarize({"role_cv": metrics["role_cv_without_synthetic"]}))
    if "role_cv_without_own_labels" in metrics:
        print("\nwithout our own labels:")
        print(summarize({"role_cv": metrics["role_cv_without_own_labels"]}))
    if not args.no_save:
        summary = {
            "data": "CrowdFlower Twitter User Gender Classification (CC0) via "
            "zihan0/ML1819-task-107-team-09@75862fa; roles_labeled_dev.jsonl; own synthetic rows",
            "counts": ds["counts"],
            "cv": {
                "kind_accuracy": metrics["role_cv"]["kind_vs_annotators"]["accuracy"],
                "job_board_f1": metrics["role_cv"]["roles"]["job_board"]["f1"],
                "industry_f1": metrics["role_cv"]["roles"]["industry"]["f1"],
            },
        }
        npz, js = save_tagger(final, args.out, ARTIFACT_STEM, summary)
        log(f"wrote {npz} ({npz.stat().st_size / 1e6:.2f} MB) and {js}")
    # a CV-only run writes its figures where it is told, never over the shipped model's
    metrics_path = args.metrics or (None if args.no_save else DEFAULT_METRICS)
    if metrics_path is not None:
        metrics_path.parent.mkdir(parents=True, exist_ok=True)
        metrics_path.write_text(
            json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        log(f"wrote {metrics_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
