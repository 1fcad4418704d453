"""The simulated news web that `strichka demo` and the tests crawl.

Fictional Ukrainian, Russian and English outlets on one loopback server, each with a feed (RSS 2.0,
Atom, JSON Feed; one in windows-1251) and article pages wrapped in real-world boilerplate; the same
events covered by several outlets; pictures drawn with Pillow; articles appearing over time on an
injectable DemoClock; and a ground truth of what a perfect crawl should store.
"""

from .clock import DEFAULT_START, DemoClock
from .ground_truth import demo_opml, ground_truth, write_ground_truth
from .server import DemoOutlet, DemoServer, start_demo_web

__all__ = [
    "DEFAULT_START",
    "DemoClock",
    "DemoOutlet",
    "DemoServer",
    "demo_opml",
    "ground_truth",
    "start_demo_web",
    "write_ground_truth",
]
