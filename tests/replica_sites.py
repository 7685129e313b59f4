"""The replica sites of a running server, each typed as its own class."""

from __future__ import annotations

from typing import TypeVar

from automation.replicas import ReplicaServer
from automation.replicas.site import Site

S = TypeVar("S", bound=Site)


def site_of(replica: ReplicaServer, kind: type[S]) -> S:
    """The site ``replica`` serves under ``kind``'s name; it must be a ``kind``."""
    found = replica.sites[kind.name]
    assert isinstance(found, kind), f"{kind.name} is served by {type(found).__name__}"
    return found
