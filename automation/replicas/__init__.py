"""Local replica sites, one per platform, for the demo, the tests and plugin authors.

Every module in this package that defines a :class:`Site` subclass with a ``name``
contributes that site; nothing else needs to list it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from .server import DEMO_PASSWORD, DEMO_USERNAME, ReplicaServer, Site


def _sites() -> dict[str, type[Site]]:
    found: dict[str, type[Site]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, Site)
                and cls.__module__ == module.__name__
                and "name" in cls.__dict__
            ):
                found[cls.name] = cls
    return found


#: Replica site classes by platform name.
SITES: dict[str, type[Site]] = _sites()


def demo_server(*, first_port: int = 0, delay: float = 0.0, weight: bool = True) -> ReplicaServer:
    """A server with every replica site and the demo account on each (not yet started);
    without ``weight``, its pages leave out what real pages carry besides their settings
    (see :data:`~automation.replicas.server.HEAD_WEIGHT`)."""
    sites = []
    for cls in SITES.values():
        site = cls()
        site.add_account(DEMO_USERNAME, DEMO_PASSWORD, **cls.demo_account)
        sites.append(site)
    return ReplicaServer(sites, first_port=first_port, delay=delay, weight=weight)


__all__ = ["DEMO_PASSWORD", "DEMO_USERNAME", "SITES", "ReplicaServer", "Site", "demo_server"]
