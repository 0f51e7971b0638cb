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

The data are built in scripts/roles_train_data.py, the cross-validation in scripts/roles_cv.py.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import sklearn

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from roles_cv import cv_org_head, cv_role_heads, log, summarize  # noqa: E402
from roles_train_data import build_datasets  # noqa: E402

from staffpulse.signals.role_artifact import save_tagger  # noqa: E402
from staffpulse.signals.roles import (  # noqa: E402
    ARTIFACT_DIR,
    ARTIFACT_STEM,
    LabeledAccounts,
    RoleTagger,
)

DEFAULT_METRICS = REPO / "docs" / "models" / "roles_metrics.json"
# Copies of the training accounts without their posts, at this weight: the roles input may
# come without posts. Chosen by the role CV from {0, 0.5, 1}: kind accuracy and industry F1 with posts.
POSTLESS_WEIGHT = 1.0


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
