"""Write the sample's README.md from the specs and the measured summary."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from samplegen.accounts import BY_HANDLE, RESPONSIVENESS
from samplegen.followed import is_followed_record, readme_section
from samplegen.threads import CIRCLES

HEADER = """\
# SAMPLE DATA — fictional, written by the staffpulse project

Everything in this folder is made up: the accounts, people, firms, posts, numbers and links.
No real company or person is described. Links use `.example` domains; profile and post `url`
fields are left `null` on purpose, because a fictional handle may belong to someone real on the
live platforms. `staffpulse demo` imports this folder into a fresh demo database.

Regenerate it (deterministic, offline, fixed seed) with:

```
.venv/bin/pip install scikit-image     # only needed to run the generator (person photos)
.venv/bin/python scripts/make_sample.py
```

## Files

| file | what |
|---|---|
| `cohort.jsonl` | accounts, posts and follow edges in the staffpulse JSONL format (`staffpulse import --help` lists its fields) |
| `cohort.csv` | the benchmark cohort: `handle,platform,segment` |
| `avatars/*.png` | 256x256 avatars referenced by `avatar_file` (paths relative to the JSONL) |

Window: {start} to {end} (UTC). {n_accounts} accounts, {n_posts} posts ({kinds}),
{n_follows} follow edges: the generated {generated}, and the four hand-written
accounts below.
"""

IMAGES = """\
## Images and licences

| avatar | what | licence |
|---|---|---|
| `brightpathstaff.png`, `meridianwork.png`, `hireloop.png`, `recruitcraft.png`, \
`northgatestaff.png` | logos and wordmarks drawn by `scripts/samplegen/avatars.py` with Pillow \
shapes and Pillow's built-in default font | written by the staffpulse project, same licence as \
staffpulse (MIT) |
| `harborline.png` | crop of `skimage.data.astronaut()` | public domain (NASA portrait of \
astronaut Eileen Collins, shipped by scikit-image) |
| `mia_recruits.png` | mirrored, tighter, warmer crop of the same portrait | public domain |
| `priya_hrlife.png` | wider crop of the same portrait, duotone | public domain |

The three person avatars are all the same public-domain NASA portrait, used only as a stand-in
"photo of a person" for the Face pillar; the real astronaut has nothing to do with the fictional
people. `jobwire_dayton` and `keystonetemps` have X's default avatar URL
(`default_profile_images`) and no file. `adabrightwell.bsky.social` and `owenpark.bsky.social`
have no avatar at all (`avatar_url` null, no file), so the audit says "no avatar known".
scikit-image is needed only to run the generator; it is not a staffpulse dependency.
"""


def _fmt_hours(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} h"


def write_readme(
    path: Path, summary: list[dict[str, Any]], rows: list[dict[str, Any]], labels: dict[str, str]
) -> None:
    every_post = [r for r in rows if r["type"] == "post"]
    kinds = Counter(p["kind"] for p in every_post)
    # the figures below are the generated accounts' (samplegen/followed.py adds four)
    generated = [r for r in rows if not is_followed_record(r)]
    posts = [r for r in generated if r["type"] == "post"]
    lines = [
        HEADER.format(
            start=min(p["created_at"] for p in every_post),
            end=max(p["created_at"] for p in every_post),
            n_accounts=sum(r["type"] == "account" for r in rows),
            n_posts=len(every_post),
            kinds=", ".join(f"{kinds[k]} {k}" for k in ("original", "reply", "repost", "quote")),
            n_follows=sum(r["type"] == "follow" for r in rows),
            generated=f"{len(summary)} accounts, {len(posts)} posts and "
            f"{sum(r['type'] == 'follow' for r in generated)} follow edges",
        )
    ]
    lines.append("## Accounts and designed outcomes\n")
    lines.append(
        "| handle | platform | segment | avatar | designed pattern | expected audit outcome |"
    )
    lines.append("|---|---|---|---|---|---|")
    for s in summary:
        spec = BY_HANDLE[s["handle"]]
        lines.append(
            f"| `{s['handle']}` | {s['platform']} | {s['segment']} | {s['avatar']} | "
            f"{spec.pattern} | {spec.expected} |"
        )
    lines.append("\n## Measured on the generated file\n")
    # the audit's Conversation share leaves reposts out: said with one account's figures so
    # a reader checking the audit against this table sees why its share is a little higher
    firm = next(s for s in summary if s["handle"] == "harborline")
    wrote = firm["posts"] - firm["repost"]
    lines.append(
        "Job-ad share is over original posts (the generator's own labels); reply share "
        "is replies over all posts, reposts included (the audit's Conversation divides by the "
        "posts each account wrote, reposts aside, so its share is a little higher: "
        f"`harborline` {firm['reply']} of {wrote}, {firm['reply'] / wrote:.0%}); *engaged* "
        "counts distinct accounts replied to or mentioned; "
        "*mentions in* counts others' posts that mention or reply to the account, and "
        "*answered* how many of those it replied to.\n"
    )
    lines.append(
        "| handle | posts | original | reply | repost | quote | job-ad share | "
        "reply share | engaged | mentions in | answered | median answer |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s in summary:
        lines.append(
            f"| `{s['handle']}` | {s['posts']} | {s['original']} | {s['reply']} | {s['repost']} | "
            f"{s['quote']} | {s['job_ad_share']:.0%} | {s['reply_share']:.0%} | {s['engaged']} | "
            f"{s['mentions_in']} | {s['answered']} | {_fmt_hours(s['median_answer_h'])} |"
        )
    lines.append(_threads_section(posts, labels))
    lines.append(IMAGES)
    lines.append(readme_section())
    path.write_text("\n".join(lines), encoding="utf-8")


def _threads_section(posts: list[dict[str, Any]], labels: dict[str, str]) -> str:
    size = Counter(p["conversation_id"] for p in posts if p["kind"] in ("original", "reply"))
    by_id = {p["id"]: p for p in posts}
    questions = [c for c, n in size.items() if n >= 3 and labels.get(c) == "question"]
    starters = Counter(by_id[c]["author"] for c in questions)
    sizes = Counter(size[c] for c in questions)
    others = sum(1 for c, n in size.items() if n >= 2 and c not in questions)
    out = [
        "\n## Threads and circles\n",
        f"{len(questions)} question threads (sizes: "
        + ", ".join(f"{n} posts ×{c}" for n, c in sorted(sizes.items()))
        + "), started by "
        + ", ".join(f"`{a}` {c}" for a, c in starters.most_common())
        + ". Each is a question answered by the starter's circle; the starter thanks or answers "
        "back, and the answerer sometimes has the last word. Besides these there are "
        f"{others} shorter exchanges (a reply to a post, often answered back) and the mentions "
        "below.\n",
        "Who talks with whom (weights steer replies, thread answers, reposts and quotes):\n",
    ]
    for handle, circle in CIRCLES.items():
        out.append(f"- `{handle}` → " + ", ".join(f"`{h}`" for h in circle))
    out.append(
        "\nSo a firm that talks with the recruiter should be suggested the HR pro: "
        "`harborline` talks only with `mia_recruits` and `hireloop`, who both talk "
        "with `priya_hrlife` and `recruitcraft`; `connect` should suggest those two.\n"
    )
    out.append(
        "Responsiveness to the posts that ask a firm something directly (a mention, or a reply "
        "to one of its job ads): share answered and delay.\n"
    )
    for firm, (rate, lo, hi) in RESPONSIVENESS.items():
        how = "never answers" if rate == 0 else f"answers ~{rate:.0%}, after {lo:g}-{hi:g} h"
        out.append(f"- `{firm}`: {how}")
    return "\n".join(out) + "\n"
