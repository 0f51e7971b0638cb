"""Speed of the avatar signal: images per second through ``classify_avatars``.

    python benchmarks/bench_avatar.py --data ../shared/data/avatars --runs 5

Times the whole per-file path (read the PNG, guards, placeholder checks, features, face
detection, classifier) over every image of the folder, warm (model and cascades loaded),
``--runs`` times for each ``--workers`` setting, and prints the median. It reports wall-clock
images/s and CPU seconds per image, plus the machine's load average: on a shared machine
the wall clock is slowed by other work, the CPU time is not. With no data folder it times
images it draws itself. Also times a cold start (new interpreter, first verdict).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _machine import cpu_model


def machine() -> dict[str, str]:
    import cv2
    import numpy
    import PIL

    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "opencv": cv2.__version__,
        "pillow": PIL.__version__,
        "load average (1, 5, 15 min)": " ".join(f"{v:.1f}" for v in os.getloadavg()),
    }


def drawn_images(folder: Path, n: int = 60) -> list[Path]:
    """Placeholders, made-up logos and photo-like noise, when no real data is at hand."""
    import numpy as np
    from PIL import Image, ImageDraw

    from staffpulse.signals.avatar_placeholders import draw_bluesky_default, draw_silhouette

    rng = np.random.default_rng(0)
    paths = []
    for i in range(n):
        path = folder / f"img_{i:03d}.png"
        kind = i % 3
        if kind == 0:
            (draw_bluesky_default() if i % 2 else draw_silhouette()).save(path)
        elif kind == 1:
            colour = tuple(int(v) for v in rng.integers(0, 255, 3))
            im = Image.new("RGB", (400, 400), colour)
            ImageDraw.Draw(im).ellipse((80, 80, 320, 320), fill=(255, 255, 255))
            im.save(path)
        else:
            base = rng.normal(0, 1, (10, 10, 3))
            small = ((base - base.min()) / np.ptp(base) * 255).astype("uint8")
            im = Image.fromarray(small).resize((400, 400), Image.Resampling.BICUBIC)
            arr = np.clip(np.asarray(im) + rng.normal(0, 8, (400, 400, 3)), 0, 255)
            Image.fromarray(arr.astype("uint8")).save(path)
        paths.append(path)
    return paths


def time_batch(paths: list[Path], workers: int, runs: int) -> dict[str, float]:
    from staffpulse.signals.avatar import classify_avatars

    classify_avatars(paths[:4], workers=workers)  # warm: model, cascades, thread pools
    walls, cpus = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        verdicts = classify_avatars(paths, workers=workers)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
        assert len(verdicts) == len(paths)
    wall = statistics.median(walls)
    cpu = statistics.median(cpus)
    return {
        "images_per_s": len(paths) / wall,
        "best_images_per_s": len(paths) / min(walls),
        "ms_per_image": wall / len(paths) * 1000,
        "cpu_ms_per_image": cpu / len(paths) * 1000,
    }


def cold_start(path: Path) -> float:
    code = (
        "import sys, time; t=time.perf_counter();"
        "from staffpulse.signals.avatar import classify_avatar;"
        "classify_avatar(sys.argv[1]); print(time.perf_counter()-t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/avatars"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", default="1,2", help="comma-separated thread counts")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        if args.data.is_dir():
            paths = sorted(p for p in args.data.iterdir() if p.suffix.lower() == ".png")
            source = f"{args.data} ({len(paths)} real 400x400 PNG avatars)"
        else:
            paths = drawn_images(Path(tmp))
            source = f"{len(paths)} drawn 400x400 PNG images (no data folder)"
        info = machine()
        print(f"data: {source}; runs: {args.runs} (median)")
        for key, value in info.items():
            print(f"{key}: {value}")
        print()
        print("| workers | images/s (median) | best run | ms/image | CPU ms/image |")
        print("|---:|---:|---:|---:|---:|")
        for workers in (int(w) for w in args.workers.split(",")):
            r = time_batch(paths, workers, args.runs)
            print(
                f"| {workers} | {r['images_per_s']:.1f} | {r['best_images_per_s']:.1f} | "
                f"{r['ms_per_image']:.1f} | {r['cpu_ms_per_image']:.1f} |"
            )
        colds = [cold_start(paths[0]) for _ in range(3)]
        print(
            f"\ncold start (new interpreter, import + model + first verdict): "
            f"{statistics.median(colds):.2f} s (median of 3)"
        )
        print(f"load average after: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
