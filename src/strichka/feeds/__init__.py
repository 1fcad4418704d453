"""feeds: bytes → ParsedFeed (RSS/Atom/JSON Feed), entry identity."""

from strichka.feeds.identity import entry_identity
from strichka.feeds.parse import parse_feed

__all__ = ["entry_identity", "parse_feed"]
