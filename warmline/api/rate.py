"""A per-token request rate: at most settings.API_RATE requests a minute.

A fixed one-minute window counted in Django's cache alias "api-rate". By default
that cache is a directory under WARMLINE_HOME (FileBasedCache): no database write,
no server to run, and every process of one machine (waitress threads, several
workers) shares the count. Several machines share it when WARMLINE_API_RATE_CACHE
names a Redis server (redis://…). The file cache's increment is a read then a
write, so two requests at the very same moment may count once: the limit is a
guard against runaway scripts, not an exact quota.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import caches

WINDOW_SECONDS = 60


class RateLimited(Exception):
    """Too many requests in this window; `retry_after` seconds until the next."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"More than {settings.API_RATE} requests a minute; "
            f"try again in {retry_after} seconds."
        )
        self.retry_after = retry_after


def count_request(key: str) -> None:
    """Count one request for `key` (a token's digest, or a signed-in user)."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    cache = caches["api-rate"]
    name = f"rate:{key}:{window}"
    cache.add(name, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    if count > settings.API_RATE:
        raise RateLimited(max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999)))
