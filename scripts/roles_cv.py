"""Cross-validation of the role tagger's heads and the summary ``scripts/train_roles.py`` prints.

:func:`cv_org_head`: repeated stratified group k-fold of the org head on CrowdFlower;
:func:`cv_role_heads`: the same on the 500 role-labeled accounts for the role and kind heads,
with synthetic rows, own labels and weak negatives only ever in the training folds.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from staffpulse.signals.role_eval import accuracy_report, role_report
from staffpulse.signals.roles import ROLES, LabeledAccounts, RoleTagger, harmonize_roles


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


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
