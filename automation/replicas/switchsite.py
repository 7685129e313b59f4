"""A replica site made of settings pages that each carry one switch, declared as data.

A platform's replica subclasses :class:`SwitchSite` and declares its sign-in form,
where signed-out visitors are sent, its security-check page and its settings
pages (:class:`SettingsPage`); this module serves them. Pages draw their switch
with a script a moment after loading and save a change with their own request,
as the real sites do; a failed save puts the switch back. Flows that are not a
switch on a page (a menu, a form) are written in the subclass.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import ClassVar
from urllib.parse import quote, unquote

from .server import DECOY, DECOY_LABEL, Account, Request, Response, page
from .signinsite import SignInSite
from .switchpages import CHECKPOINT, SCRIPT, Control, Opener, SettingsPage, draw, testid_attribute

__all__ = ["Control", "Opener", "SettingsPage", "SignInSite", "SwitchSite", "draw"]


class SwitchSite(SignInSite):
    """A replica whose settings are switches on pages. Subclasses declare the data."""

    #: Where each page's script posts a change.
    api_prefix: ClassVar[str] = "/api/privacy-settings/"
    #: HTML at the top of every signed-in page.
    header: ClassVar[str] = ""
    #: The settings pages.
    pages: tuple[SettingsPage, ...] = ()
    #: For per-blog settings: the page listing the account's blogs, and each blog's link.
    blogs_path: ClassVar[str | None] = None
    blog_link: ClassVar[str] = "/blog/{name}/settings"

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.pages and "defaults" not in cls.__dict__:
            # Per-blog settings get their values per blog, when an account is made.
            cls.defaults = {p.key: p.default for p in cls.pages if "{name}" not in p.path}

    # -- per-blog settings ----------------------------------------------------------

    def add_account(self, username: str, password: str, **options: object) -> Account:
        account = super().add_account(username, password, **options)
        for blog in account.blogs:
            for found in self.pages:
                if "{name}" in found.path:
                    account.settings[f"{found.key}@{blog}"] = found.default
        return account

    def _match(self, path: str) -> tuple[SettingsPage, str | None] | None:
        for found in self.pages:
            # Site names may be domains (WordPress.com's are), hence the dot.
            pattern = "^" + re.escape(found.path).replace(r"\{name\}", "(?P<name>[a-z0-9.-]+)")
            match = re.fullmatch(pattern, path.rstrip("/") or "/")
            if match:
                return found, match.groupdict().get("name")
        return None

    # -- routing ------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        path = request.path
        if path == self.login_path:
            return self.login(request)
        custom = self.route(request)
        if custom is not None:
            return custom
        if path.startswith(self.checkpoint_path):
            return Response(200, page(f"Security check | {self.title}", CHECKPOINT))
        account = self.signed_in(request)
        if account is None:
            if request.method == "POST":
                return Response.json({"error": "unauthorized"}, 401)
            if self.inline_login and self._match(path) is not None:
                return self.login(request)
            return Response.redirect(f"{self.login_path}?{self.next_param}={quote(path)}", 302)
        if account.checkpoint:
            return Response.redirect(self.checkpoint_path, 302)
        if request.method == "POST" and path.startswith(self.api_prefix):
            return self.save(account, unquote(path[len(self.api_prefix) :]), request)
        if path == self.blogs_path:
            return self.blog_list(account)
        matched = self._match(path)
        if matched is not None and request.method == "GET":
            return self.settings_page(account, *matched)
        if path in (self.home_path, "/"):
            return Response(
                200, page(self.title, self.header + f"<main><h1>{self.title}</h1></main>")
            )
        return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))

    def route(self, request: Request) -> Response | None:
        """Pages of the subclass's own (a menu flow); None to fall through."""
        return None

    # -- settings ------------------------------------------------------------------------

    def blog_list(self, account: Account) -> Response:
        blogs = account.blogs
        items = "".join(
            f'<li><a href="{self.blog_link.format(name=b)}">{html.escape(b)}</a></li>'
            for b in blogs
        )
        body = f"{self.header}<main><section><h1>Your blogs</h1><ul>{items}</ul></section></main>"
        return Response(200, page(f"Blogs | {self.title}", body))

    def settings_page(self, account: Account, found: SettingsPage, name: str | None) -> Response:
        if found.key in account.moved:
            return Response.redirect(self.home_path, 302)
        if found.key in account.broken:
            return Response(500, page(f"Error | {self.title}", "<h1>Something went wrong</h1>"))
        # Settings declared with the same path share one page (several controls, in
        # the order declared, as the real page draws them), each at the depth its
        # openers reach.
        shared = [each for each in self.pages if each.path == found.path]
        chain = max((each.opens for each in shared), key=len)
        if any(each.opens != chain[: len(each.opens)] for each in shared):
            raise ValueError(f"{found.path}: the openers of its settings do not nest")
        stages: dict[int, list[str]] = {}
        count = 0
        for each in shared:
            drawn = stages.setdefault(len(each.opens), [])
            if each.key in account.decoys:
                count += 1
                drawn.append(self._decoy_html(account, each, count, name))
            control = self._setting_html(account, each, name, number=count + 1)
            if control is not None:
                count += 1
                drawn.append(control)
        notice = "".join(
            "<p>This setting isn't available in your region.</p>"
            for each in shared
            if each.key in account.not_offered
        )
        if not count and not notice:
            return Response(404, page(f"Not found | {self.title}", "<h1>Page not found</h1>"))
        templates = ""
        for stage, drawn in sorted(stages.items()):
            controls = "".join(drawn)
            if found.container:
                controls = f'<div data-testid="{html.escape(found.container)}">{controls}</div>'
            if stage == 0:
                controls += self.beside(account, shared, count + 1)
            if stage and chain[stage - 1].dialog:
                # What the last click opened is a dialog over the page, as a
                # setting's own dialog is.
                controls = (
                    f'<div role="dialog" aria-modal="true" aria-label="'
                    f'{html.escape(chain[stage - 1].label)}">{controls}</div>'
                )
            templates += f'<template class="stage" data-stage="{stage}">{controls}</template>'
        # A heading may name the blog it belongs to.
        heading = found.heading.replace("{name}", name or "")
        openers = "".join(self._opener_html(account, o) for o in chain)
        body = f"""{self.header}
<main><section>
  <h1>{html.escape(heading)}</h1>
  <p>{html.escape(found.question)}</p>
  {notice}
  {openers}
  <div id="setting" hidden></div>
  <p role="status" id="status"></p>
</section></main>
{templates}"""
        return Response(200, page(f"{heading} | {self.title}", body, SCRIPT))

    def beside(self, account: Account, shared: list[SettingsPage], number: int) -> str:
        """Controls a subclass draws after the page's settings (outside their
        container), numbered from ``number``; none by default."""
        return ""

    def _opener_html(self, account: Account, opener: Opener) -> str:
        name = html.escape(opener.label)
        if opener.shows is not None:
            with self.lock:
                value = account.settings.get(opener.shows)
            if value is not None:
                name += f" <span>{'On' if value else 'Off'}</span>"
        testid = testid_attribute(opener.testid)
        return f'<button type="button" class="opener" {testid} hidden>{name}</button>'

    def _setting_html(
        self, account: Account, found: SettingsPage, name: str | None, number: int = 1
    ) -> str | None:
        """One setting's control with the address it saves to; None where not drawn."""
        key = f"{found.key}@{name}" if name else found.key
        if found.key in account.not_offered:
            return None
        if found.key in account.unavailable or key not in account.settings:
            return None
        with self.lock:
            value = account.settings[key]
        # A label may name the blog it belongs to ("... for <blog>"); an account may
        # be shown another wording of it.
        label = account.labels.get(found.key, found.control.label)
        drawn = replace(found.control, label=label.replace("{name}", name or ""))
        for field in ("labelledby", "describedby", "own_id"):
            ref = getattr(drawn, field)
            if ref:
                ref = ref.replace("{n}", str(number))
                if found.key in account.renamed:
                    ref = f"{ref}Renamed"
                drawn = replace(drawn, **{field: ref})
        ref = f"{found.key}-label"
        if found.key in account.hidden:
            control = "<p>This setting is being updated. Check back later.</p>"
        else:
            disabled = found.key in account.disabled
            control = draw(drawn, value, ref=ref, disabled=disabled)
            if found.key in account.doubled:
                control += draw(drawn, value, copy=True, ref=ref, disabled=disabled)
        api = html.escape(self.api_prefix + quote(key))
        confirm = html.escape(account.confirms.get(found.key, ""))
        return f'<div class="setting" data-api="{api}" data-confirm="{confirm}">{control}</div>'

    def _decoy_html(
        self, account: Account, found: SettingsPage, number: int, name: str | None = None
    ) -> str:
        """A look-alike of ``found``'s control for another setting, in the other position
        (on a per-blog page, beside that blog's control)."""
        key = f"{found.key}@{name}" if name else found.key
        with self.lock:
            value = account.settings.setdefault(key + DECOY, not account.settings.get(key, True))
        control = replace(found.control, label=DECOY_LABEL, testid=None)

        def decoy_id(ref: str | None) -> str | None:
            # A counter id stays a counter; an id of the setting's own is not copied.
            if not ref:
                return ref
            return ref.replace("{n}", str(number)) if "{n}" in ref else f"decoy-{found.key}"

        control = replace(
            control,
            labelledby=decoy_id(control.labelledby),
            describedby=decoy_id(control.describedby),
            # A look-alike never carries the setting's own id.
            own_id=None,
        )
        api = html.escape(self.api_prefix + quote(key + DECOY))
        return (
            f'<div class="setting" data-api="{api}" data-confirm="">'
            f"{draw(control, value, ref=f'decoy-{found.key}-label')}</div>"
        )

    def save(self, account: Account, key: str, request: Request) -> Response:
        data = request.json()
        value = data.get("value") if isinstance(data, dict) else None
        if key not in account.settings or not isinstance(value, bool):
            return Response.json({"error": "bad request"}, 400)
        if key.split("@", 1)[0] in account.failing:
            return Response.json({"error": "server error"}, 500)
        if key.split("@", 1)[0] in account.unkept:
            return Response.json({"value": value})
        with self.lock:
            account.settings[key] = value
            self.saves.append((account.username, key, value))
        return Response.json({"value": value})
