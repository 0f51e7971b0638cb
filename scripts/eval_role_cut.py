"""How sure must the role model be before the inbox says "started by a recruiter"?

    python scripts/eval_role_cut.py --data ../shared/data

The inbox states an opener's role as a reason ("started by an HR professional") and tunes the
angle to it, so a wrong role is a false claim. This script cross-validates the role heads
exactly as ``scripts/train_roles.py`` does (repeated stratified group k-fold on the 500
role-labeled accounts, the shipped org head, synthetic rows and weak negatives in the training
folds only) and prints, for each cut on the harmonised score of the predicted role, the
precision of the roles the inbox names (recruiter, hr_pro, employer, job_seeker) and how many
true ones are still named. ``ROLE_CONFIDENCE`` in ``staffpulse.listen.enrich`` (0.9) is the
cut where the pooled precision reaches about 0.9 (0.89 there, 0.66 with no cut: see
docs/listen.md for the table).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from roles_train_data import build_datasets  # noqa: E402

from staffpulse.signals.roles import (  # noqa: E402
    ROLES,
    LabeledAccounts,
    RoleTagger,
    harmonize_roles,
    load_role_model,
)

NAMED = ("recruiter", "hr_pro", "employer", "job_seeker")  # the roles a reason names
CUTS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def oof_scores(ds: dict[str, object], folds: int, repeats: int, seed: int) -> list[np.ndarray]:
    """Out-of-fold harmonised role scores, one array per repeat."""
    dev: LabeledAccounts = ds["dev"]  # type: ignore[assignment]
    roles = np.array(dev.roles)
    strat = np.where(roles == "job_seeker", "other", roles)
    base = load_role_model()  # its org head never saw the role-labeled accounts
    out = []
    for rep in range(repeats):
        scores = np.zeros((len(dev), len(ROLES)))
        splitter = StratifiedGroupKFold(folds, shuffle=True, random_state=seed + rep)
        for tr, te in splitter.split(np.zeros(len(dev)), strat, ds["dev_groups"]):  # type: ignore[arg-type]
            tagger = RoleTagger(**{**base.get_params(), "consistent_roles": False})
            tagger.org_head_ = base.org_head_
            tagger.fit_heads(
                LabeledAccounts.concat([dev.subset(tr), ds["weak"], ds["synthetic"]]),  # type: ignore[list-item]
                LabeledAccounts.concat([dev.subset(tr), ds["synthetic"], ds["extra"]]),  # type: ignore[list-item]
            )
            te_rows = dev.subset(te)
            pred = tagger.predict(te_rows.names, te_rows.bios, te_rows.texts)
            scores[te] = harmonize_roles(pred.role_scores, pred.p_org)
        out.append(scores)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    ds = build_datasets(args.data, 1000, args.seed)
    truth = np.array(ds["dev"].roles)
    runs = oof_scores(ds, args.folds, args.repeats, args.seed)
    print(f"cut   named  right  precision  true named kept (of {np.isin(truth, NAMED).sum()})")
    for cut in CUTS:
        named = right = 0
        per_role: dict[str, list[int]] = {r: [0, 0] for r in NAMED}
        for scores in runs:
            best = scores.argmax(axis=1)
            conf = scores.max(axis=1)
            for i, (b, c) in enumerate(zip(best, conf, strict=True)):
                role = ROLES[b]
                if role in NAMED and c >= cut:
                    named += 1
                    right += int(truth[i] == role)
                    per_role[role][0] += 1
                    per_role[role][1] += int(truth[i] == role)
        n = len(runs)
        detail = ", ".join(f"{r} {v[1] / n:.1f}/{v[0] / n:.1f}" for r, v in per_role.items())
        precision = right / named if named else float("nan")
        print(f"{cut:4.2f} {named / n:6.1f} {right / n:6.1f}  {precision:9.2f}  {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
