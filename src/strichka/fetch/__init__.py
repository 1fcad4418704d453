"""fetch: the HTTP client — limits, conditional GET, address guard, per-host politeness."""

from strichka.fetch.client import Fetcher
from strichka.fetch.network import CachingResolver, Resolver
from strichka.fetch.retry_after import parse_cache_control_max_age, parse_retry_after

__all__ = ["CachingResolver", "Fetcher", "Resolver", "parse_cache_control_max_age", "parse_retry_after"]
