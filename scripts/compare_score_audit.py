"""Do ``staffpulse score`` and ``staffpulse audit`` give the same Conversation figures?

    python scripts/compare_score_audit.py --data ../shared/data [--inputs x|samples|all]
        [--engine local|dask] [--show 5]

Imports the real data (``--inputs x``, the default: ``formats/twarc2_jsonl_real`` and
``formats/twitter_archive_samples``; ``samples``: ``formats/bluesky_samples`` and
``formats/mastodon_samples``; ``all``: the four) into a temporary store, audits every account that has posts there (as ``staffpulse audit
--json`` does, without saving), scores the same files with ``staffpulse score`` and counts the
accounts whose Conversation inputs differ: ``accounts_engaged_30d``/``_90d`` (exactly), the
reply, mention and share shares (by more than the audit's rounding to three decimals) and the
Conversation score (by more than half a point: the audit shows whole numbers), and the Voice
score, higher and lower by more than half a point apart (``score`` counts exact copies only,
so its Voice may be higher than the audit's, never lower). The audit's
responsiveness to mentions needs the whole store, which ``score`` does not read; an account
whose audit scored it is counted apart, and its audit score is also recomputed without it.
Nothing from the data is written anywhere but the temporary folder; only counts are printed
(and, with ``--show``, the ids of a few differing accounts with their two figures).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from staffpulse.audit import audit_account
from staffpulse.audit.config import audit_settings
from staffpulse.audit.conversation import conversation_score
from staffpulse.errors import NotFoundError
from staffpulse.ingest import import_paths
from staffpulse.scale import score_inputs
from staffpulse.store import open_store

INPUTS: dict[str, tuple[str, ...]] = {
    "x": ("formats/twarc2_jsonl_real", "formats/twitter_archive_samples"),
    "samples": ("formats/bluesky_samples", "formats/mastodon_samples"),
}
INPUTS["all"] = INPUTS["x"] + INPUTS["samples"]
SHARES = ("reply_share", "mention_share", "share_share")
COUNTS = ("accounts_engaged_30d", "accounts_engaged_90d")


def compare(data: Path, engine: str, show: int, inputs: str = "x") -> dict[str, Any]:
    paths = [data / name for name in INPUTS[inputs]]
    missing = [str(p) for p in paths if not p.is_dir()]
    if missing:
        sys.exit(f"not found: {', '.join(missing)} (give --data the shared data folder)")
    settings = audit_settings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        score_inputs(paths, folder / "out", engine=engine)
        rows = pq.read_table(folder / "out" / "accounts.parquet").to_pylist()
        differ: dict[str, list[tuple[str, Any, Any]]] = {
            name: []
            for name in (
                *COUNTS,
                *SHARES,
                "conversation",
                "conversation_unanswered",
                "voice_higher",
                "voice_lower",
            )
        }
        responsive = 0
        audited = 0
        with open_store(folder / "store.db") as store:
            import_paths(store, paths)
            for row in rows:
                try:
                    result = audit_account(store, row["author_id"], row["platform"], save=False)
                except NotFoundError:  # an account the store has no posts of
                    continue
                audited += 1
                ev = result.to_dict()["pillars"]["conversation"]["evidence"]
                who = row["author_id"]
                for name in COUNTS:
                    if row[name] != ev[name]:
                        differ[name].append((who, row[name], ev[name]))
                for name in SHARES:
                    if abs(row[name] - ev[name]) > 0.0005:
                        differ[name].append((who, row[name], ev[name]))
                audit_score = result.pillars["conversation"].score or 0
                if abs(row["conversation"] - audit_score) > 0.5:
                    differ["conversation"].append((who, row["conversation"], audit_score))
                voice = result.pillars["voice"].score
                if row["voice"] is not None and voice is not None:
                    if row["voice"] > voice + 0.5:
                        differ["voice_higher"].append((who, row["voice"], voice))
                    elif row["voice"] < voice - 0.5:
                        differ["voice_lower"].append((who, row["voice"], voice))
                if "responsiveness" in ev["parts"]:
                    responsive += 1
                    # the same inputs without the part `score` cannot compute
                    without = conversation_score(
                        ev["reply_share"],
                        ev["mention_share"],
                        ev["accounts_engaged_90d"],
                        ev["share_share"],
                        None,
                        settings,
                    )
                    if abs(row["conversation"] - without) > 0.5:
                        differ["conversation_unanswered"].append(
                            (who, row["conversation"], round(without, 2))
                        )
                elif abs(row["conversation"] - audit_score) > 0.5:
                    differ["conversation_unanswered"].append(
                        (who, row["conversation"], audit_score)
                    )
    print(f"accounts scored: {len(rows)}, audited: {audited}")
    print(f"accounts whose audit scores responsiveness to mentions: {responsive}")
    labels = {
        "conversation": "Conversation score (> 0.5 point)",
        "conversation_unanswered": "Conversation score without responsiveness (> 0.5 point)",
        "voice_higher": "Voice score higher in score (> 0.5 point; exact copies only)",
        "voice_lower": "Voice score lower in score (> 0.5 point; should never be)",
    }
    for name, found in differ.items():
        print(f"  {labels.get(name, name)}: differs for {len(found)} of {audited}")
        for who, scored, audit in found[:show]:
            print(f"      {who}: score {scored}, audit {audit}")
    return {name: len(found) for name, found in differ.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument(
        "--inputs",
        choices=tuple(INPUTS),
        default="x",
        help="x: the real X data; samples: the Bluesky and Mastodon samples; all: the four",
    )
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--show", type=int, default=0, help="list this many differing accounts")
    args = parser.parse_args()
    compare(args.data, args.engine, args.show, args.inputs)


if __name__ == "__main__":
    main()
