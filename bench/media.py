"""Media: strichka's mirror (sniff + thumbnails + pHash + store) next to bare Pillow, same files, same run.

    .venv/bin/python bench/media.py [--json] [--photos N] [--large N] [--rounds R]

Writes three batches of images into a temp dir at start: news photos (1600x1067 JPEG), large
camera JPEGs (4000x3000) and the demo web's images (JPEG/PNG/WebP, 800-1600 px). For each batch,
every contender runs in its own fresh process (so peak RSS is its own), one image after another
on one core, best of R rounds:
- pillow:        Image.open + thumbnail() to 960 and 320 px (draft mode, Pillow's idiom) — the anchor;
- pillow+webp:   the same plus WebP encoding of both sizes — the same output strichka makes;
- strichka:      mirror_image() with an in-memory fetch and a LocalStore in the temp dir (fsync on,
                 as shipped);
- strichka-nofsync: the same with LocalStore(durable=False): the CPU work alone, without the
                 disk flush latency (which overlaps with other images' decoding in the pipeline).
Ratios are strichka images/s over each anchor's (goal: >= 0.7 of bare Pillow). Wall time is the
figure; the CPU time of the process (all its threads) is printed next to it because on a shared,
busy machine it moves far less from run to run — it leaves out waiting for the disk, which the
wall time includes.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from strichka.media.images import WEBP_PARAMS

WIDTHS = (960, 320)
CONTENDERS = ("pillow", "pillow+webp", "strichka", "strichka-nofsync")
BATCHES = {"news 1600x1067 jpeg": "news", "large 4000x3000 jpeg": "large", "demo web images": "demo"}


def news_photo(width: int, height: int, seed: int) -> bytes:
    """Shapes over a gradient plus grain: compresses like a real photo (~0.3 bytes/pixel at q85)."""
    rng = random.Random(seed)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_90).resize((width, height)), gradient))
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y, r = rng.random() * width, rng.random() * height, (0.03 + rng.random() * 0.2) * min(width, height)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    out = io.BytesIO()
    Image.blend(image, grain, 0.08).save(out, "JPEG", quality=85)
    return out.getvalue()


def write_batches(root: Path, photos: int, large: int) -> None:
    """Runs in a child process: the parent stays small, so children's peak RSS is their own."""
    batches = {name: root / folder for name, folder in BATCHES.items()}
    for folder in batches.values():
        folder.mkdir()
    for i in range(photos):
        (batches["news 1600x1067 jpeg"] / f"{i}.jpg").write_bytes(news_photo(1600, 1067, i))
    for i in range(large):
        (batches["large 4000x3000 jpeg"] / f"{i}.jpg").write_bytes(news_photo(4000, 3000, 1000 + i))
    from strichka.demo.catalog import all_articles
    from strichka.demo.images import encoded_image

    for n, image in enumerate(i for a in all_articles() for i in a.images if not i.bad):
        (batches["demo web images"] / f"{n}.{image.fmt}").write_bytes(encoded_image(image.photo, image.width, image.fmt))


# --- contenders (each runs in its own process: see run_phase) ---------------------------------


def pillow_resize(data: bytes, *, encode: bool) -> int:
    image = Image.open(io.BytesIO(data))
    made = 0
    for width in WIDTHS:
        image.thumbnail((width, 100_000))
        if encode:
            out = io.BytesIO()
            (image if image.mode in ("RGB", "RGBA") else image.convert("RGB")).save(out, "WEBP", **WEBP_PARAMS)
            made += len(out.getvalue())
    return made


def strichka_mirror(files: list[bytes], store_root: Path, *, durable: bool) -> None:
    from strichka.media.mirror import mirror_image
    from strichka.media.store import LocalStore
    from strichka.models import FetchResult
    from strichka.settings import Settings

    settings = Settings.load(environ={}, home=str(store_root))
    store = LocalStore(store_root / "media", durable=durable)
    bodies = {f"https://outlet.example/{i}.jpg": data for i, data in enumerate(files)}

    async def fetch(url: str) -> FetchResult:
        return FetchResult(url=url, status=200, headers={"content-type": "image/jpeg"}, body=bodies[url])

    async def run() -> None:
        for url in bodies:  # one at a time: per-image cost on one core, like the Pillow loop
            await mirror_image(url, source_id=1, fetch=fetch, store=store, settings=settings)

    asyncio.run(run())


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_phase(contender: str, folder: Path) -> dict[str, float]:
    files = [p.read_bytes() for p in sorted(folder.iterdir())]
    with tempfile.TemporaryDirectory() as tmp:
        # One untimed image first: lazy imports (scipy for the hash) and codec set-up are a
        # once-per-process cost, not a per-image one.
        work(contender, files[:1], Path(tmp) / "warm")
        before = rss_kb()
        cpu_start = cpu_seconds()
        start = time.perf_counter()
        work(contender, files, Path(tmp) / "run")
        seconds = time.perf_counter() - start
        cpu = cpu_seconds() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "images": len(files),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": peak / 1024,
        "work_rss_mb": (peak - before) / 1024,
    }


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
    return usage.ru_utime + usage.ru_stime


def work(contender: str, files: list[bytes], scratch: Path) -> None:
    if contender.startswith("strichka"):
        strichka_mirror(files, scratch, durable=contender == "strichka")
        return
    for data in files:
        pillow_resize(data, encode=contender == "pillow+webp")


def spawn(contender: str, folder: Path, *extra: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", contender, "--dir", str(folder), *extra],
        check=True, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--large", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--phase", choices=(*CONTENDERS, "generate"), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "generate":
        write_batches(args.dir, args.photos, args.large)
        print("{}")
        return
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.dir)))
        return
    report: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        spawn("generate", Path(tmp), "--photos", str(args.photos), "--large", str(args.large))
        for batch, name in BATCHES.items():
            folder = Path(tmp) / name
            best: dict[str, dict[str, float]] = {}
            for _round in range(args.rounds):  # interleaved, so a busy neighbour hurts all alike
                for contender in CONTENDERS:
                    result = spawn(contender, folder)
                    if contender not in best or result["seconds"] < best[contender]["seconds"]:
                        best[contender] = {**result, "cpu_seconds": best.get(contender, result)["cpu_seconds"]}
                    best[contender]["cpu_seconds"] = min(best[contender]["cpu_seconds"], result["cpu_seconds"])
            for result in best.values():
                result["images_per_s"] = result["images"] / result["seconds"]
                result["cpu_ms_per_image"] = 1000 * result["cpu_seconds"] / result["images"]
            for ours in ("strichka", "strichka-nofsync"):
                best[ours]["ratio_vs_pillow"] = best[ours]["images_per_s"] / best["pillow"]["images_per_s"]
                best[ours]["ratio_vs_pillow_webp"] = best[ours]["images_per_s"] / best["pillow+webp"]["images_per_s"]
                best[ours]["cpu_ratio_vs_pillow"] = best["pillow"]["cpu_seconds"] / best[ours]["cpu_seconds"]
            report[batch] = best
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for batch, best in report.items():
        print(f"{batch}: {int(best['strichka']['images'])} images, best of {args.rounds}")
        for contender, r in best.items():
            print(
                f"  {contender:16} {r['images_per_s']:7.1f} images/s  {r['cpu_ms_per_image']:6.1f} CPU ms/image"
                f"   peak RSS {r['peak_rss_mb']:6.0f} MB"
                f" (+{r['work_rss_mb']:.0f} MB while working)"
            )
        for ours in ("strichka", "strichka-nofsync"):
            s = best[ours]
            print(
                f"  {ours} / pillow = {s['ratio_vs_pillow']:.2f}   / pillow+webp = {s['ratio_vs_pillow_webp']:.2f}"
                f"   (CPU time: / pillow = {s['cpu_ratio_vs_pillow']:.2f})"
            )


if __name__ == "__main__":
    main()
