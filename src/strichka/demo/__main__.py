"""`python -m strichka.demo [PORT]`: the demo web alone, on real time, for looking at it by hand."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from . import DemoClock, start_demo_web


def main(argv: list[str]) -> None:
    port = int(argv[0]) if argv else 8765
    with start_demo_web(port=port, clock=DemoClock.following_real_time()) as web:
        truth = web.write_ground_truth(Path("data") / "demo-ground-truth.json")
        print(f"demo web: {web.base_url}/  (ground truth: {truth})")
        for outlet in web.outlets:
            print(f"  {outlet.name:<26} {outlet.lang}  {outlet.feed_url}")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopped")


if __name__ == "__main__":
    main(sys.argv[1:])
