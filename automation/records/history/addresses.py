"""The page addresses the history keeps: never a query, and a path only where it is
the platform's own (a profile's name or an email in a path is not kept).

Apart from the store, so the checklist can know a platform's places before the
history's database is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit


def without_query(url: str | None) -> str | None:
    # Sign-in and checkpoint addresses can carry tokens in their query.
    if not url:
        return url
    split = urlsplit(url)
    return urlunsplit((split.scheme, split.netloc, split.path, "", ""))


#: What the history writes for a part of a page's path that it does not keep.
HIDDEN = "…"


@dataclass(frozen=True)
class Places:
    """The page paths a platform's own data names, whose words are nobody's name: its
    settings' pages (``{name}`` standing for a blog's), the page listing the blogs, its
    sign-in pages and its verification pages."""

    paths: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, plugin: Any) -> Places:
        """The places of ``plugin`` (an :class:`automation.plugin.Plugin`)."""
        paths: set[str] = set()
        for setting in getattr(plugin, "settings", ()):
            switch = getattr(setting, "switch", None)
            if switch is not None:
                paths.update((switch.path, *switch.fallbacks))
            per = getattr(setting, "per", None)
            if per is not None:
                paths.add(per.path)
            if getattr(setting, "url", ""):
                paths.add(urlsplit(setting.url).path)
        form = getattr(plugin, "login_form", None)
        for path in (getattr(plugin, "signed_in_path", None), form.path if form else None):
            if path:
                paths.add(path)
        prefixes = (*getattr(plugin, "login_paths", ()), *getattr(plugin, "checkpoint_paths", ()))
        paths.update(prefixes)
        words = {word for path in paths for word in _segments(path) if "{" not in word}
        return cls(frozenset(_plain(path) for path in paths), frozenset(words))


def kept_address(url: str | None, places: Places | None, setting_id: str = "") -> str | None:
    """The address the history keeps of a page: its scheme, host and path, without the
    query or fragment.

    A path that is one of the platform's own pages (:class:`Places`; for one blog's
    setting, with that blog's name, which its id holds anyway) is kept whole. Any
    other path keeps only the words the platform's own pages use; every other part
    (a profile's name, an email, a token) is written ``…``. With no places known, no
    part of the path is kept.
    """
    if not url:
        return url
    split = urlsplit(url)
    places = places or Places()
    blog = setting_id.split("@", 1)[1] if "@" in setting_id else None
    own = {path.replace("{name}", blog) for path in places.paths} if blog else places.paths
    if _plain(split.path) in own or not split.path.strip("/"):
        path = split.path
    else:
        known = places.words | ({blog} if blog else set())
        parts = [part if unquote(part) in known else HIDDEN for part in _segments(split.path)]
        path = "/" + "/".join(parts) + ("/" if split.path.endswith("/") else "")
    return urlunsplit((split.scheme, split.netloc, path, "", ""))


def _segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


def _plain(path: str) -> str:
    return "/" + "/".join(_segments(path))
