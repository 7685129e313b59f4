"""Local replica sites, one per platform, for the demo, the tests and plugin authors."""

from __future__ import annotations

from .linkedin import LinkedInSite
from .server import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer, Site

#: Replica site classes by platform name.
SITES: dict[str, type[Site]] = {"linkedin": LinkedInSite}


def demo_server(*, first_port: int = 0, delay: float = 0.0) -> ReplicaServer:
    """A server with every replica site and the demo account on each (not yet started)."""
    sites = []
    for cls in SITES.values():
        site = cls()
        site.add_account(DEMO_USERNAME, DEMO_PASSWORD)
        sites.append(site)
    return ReplicaServer(sites, first_port=first_port, delay=delay)


__all__ = ["DEMO_PASSWORD", "DEMO_USERNAME", "SITES", "ReplicaServer", "Site", "demo_server"]
