"""Whether a refresh is offline: after an account's fetch failed, can this computer reach any
of the servers the accounts left need?

Each fetch retries a failed request with waits of 2 and 4 seconds before it gives up, which
is right for one account and wrong for forty on a computer with no connection: minutes to
print forty identical failures. A failure alone does not say "offline" (one Mastodon instance
down, a mistyped instance, a proxy's refusal), so :func:`is_offline` asks the network: a plain
TCP connection to the failed account's server and to the others' (the proxy's, when one is
set), each bounded in time. Any of them answering means the network is up and the run goes
on; none answering means every account left would fail the same way.
"""

from __future__ import annotations

import socket
import threading
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlparse

from staffpulse.config import setting_str
from staffpulse.fetch.refresh_targets import RefreshTarget

Address = tuple[str, int]
ReachFn = Callable[[Address], bool]
PROBE_SECONDS = 5.0
# servers asked at most: five distinct servers none of which answers is no connection, and a
# run must not spend minutes finding it out
MAX_PROBES = 5


def server_of(target: RefreshTarget, config: Mapping[str, Any]) -> Address:
    """The server ``target``'s fetch connects to: X's API, the Bluesky AppView (both as set in
    config.toml), or the account's Mastodon instance."""
    if target.platform == "mastodon":
        return (target.handle.rpartition("@")[2], 443)
    table, key = ("x", "base_url") if target.platform == "x" else ("bluesky", "appview_url")
    return _address(setting_str(config, table, key))


def _address(url: str) -> Address:
    parsed = urlparse(url if "//" in url else f"https://{url}")
    default = 80 if parsed.scheme == "http" else 443
    return (parsed.hostname or url, parsed.port or default)


def can_connect(address: Address, timeout: float = PROBE_SECONDS) -> bool:
    """Whether a TCP connection to ``address`` opens within ``timeout`` seconds (looking the
    name up included: a name server that does not answer is being offline too)."""
    opened: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection(address, timeout=timeout):
                opened.append(True)
        except OSError:
            opened.append(False)

    # a daemon thread: a name lookup that hangs must not hold the run, nor its exit
    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(opened and opened[0])


def is_offline(
    failed: RefreshTarget,
    others: Iterable[RefreshTarget],
    config: Mapping[str, Any],
    reach: ReachFn = can_connect,
) -> bool:
    """True when neither ``failed``'s server nor any server of the ``others`` (the accounts
    left, or for the last account the ones before it) can be reached (at most
    :data:`MAX_PROBES` of them, X's and Bluesky's first). Behind a proxy the proxy is what this
    computer connects to, so it alone is asked."""
    proxy = urllib.request.getproxies().get("https")
    if proxy:
        return not reach(_address(proxy))
    servers: list[Address] = []
    # the big platforms first: their servers are the least likely to be down themselves
    for target in sorted(others, key=lambda t: t.platform == "mastodon"):
        if (server := server_of(target, config)) not in servers:
            servers.append(server)
    first = server_of(failed, config)
    servers = [first, *(s for s in servers if s != first)][:MAX_PROBES]
    return not any(reach(server) for server in servers)
