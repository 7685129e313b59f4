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
from dataclasses import dataclass, replace
from typing import ClassVar
from urllib.parse import quote, unquote

from .server import DECOY, DECOY_LABEL, Account, Request, Response, Site, page


@dataclass(frozen=True)
class Control:
    """How a page draws its switch, as the real page is known to.

    ``kind`` is ``switch`` (``<input type=checkbox role=switch>``), ``checkbox``
    (a plain checkbox with a label) or ``button`` (``<button role=switch
    aria-checked>``). ``labelledby``/``describedby`` tie it to its label by id;
    ``{n}`` in either is the control's number on its page, counted over every
    control drawn there (X's ``CHECKBOX_{n}_LABEL``). ``wrapped`` draws the control
    inside a ``<label>`` with its text, as X does. ``testid`` sets ``data-testid``.
    ``own_id`` is an id the control carries itself (LinkedIn's cookies switch,
    ``#nonEssentialCookieConsent``), its label then tied by a plain
    ``aria-labelledby``. An account with the setting in ``Account.renamed`` gets
    each of these ids with ``Renamed`` appended.
    """

    label: str
    kind: str = "switch"
    labelledby: str | None = None
    describedby: str | None = None
    testid: str | None = None
    wrapped: bool = False
    own_id: str | None = None


@dataclass(frozen=True)
class Opener:
    """A button that must be clicked to reveal what follows (a menu, a tab, a dialog).

    ``dialog`` draws what it reveals inside a modal dialog. ``shows`` is the key of
    a setting whose position the button's name ends with ("... On"), as a button
    that opens one setting's own dialog may say.
    """

    label: str
    testid: str | None = None
    dialog: bool = False
    shows: str | None = None


@dataclass(frozen=True)
class SettingsPage:
    """One setting's page. ``path``, ``heading`` and the control's label may hold
    ``{name}`` for a per-blog setting.

    Settings that share a path share the page. Their ``opens`` say how deep each
    control sits: each is a prefix of the longest (a tab holds some switches and
    the button of a dialog that holds another), and a control is drawn once the
    openers of its own ``opens`` have all been clicked.
    """

    key: str
    path: str
    heading: str
    control: Control
    question: str = ""
    default: bool = True
    opens: tuple[Opener, ...] = ()
    #: ``data-testid`` of the container the page draws its controls in (X's Grok page).
    container: str | None = None


class SwitchSite(Site):
    """A replica whose settings are switches on pages. Subclasses declare the data."""

    #: The sign-in form: its path and the form field names of username and password.
    login_path: ClassVar[str] = "/login"
    username_name: ClassVar[str] = "username"
    password_name: ClassVar[str] = "password"
    #: Query parameter that carries where to go after signing in.
    next_param: ClassVar[str] = "next"
    #: Where a signed-in visitor lands after signing in.
    home_path: ClassVar[str] = "/"
    #: Where an account that must pass a security check is sent.
    checkpoint_path: ClassVar[str] = "/checkpoint/challenge"
    #: Where an account with a verification code or a captcha goes after its password.
    challenge_path: ClassVar[str | None] = None
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

    # -- sign-in ------------------------------------------------------------------------

    def login(self, request: Request) -> Response:
        target = request.query.get(self.next_param, self.home_path)
        error = ""
        if request.method == "POST":
            form = request.form()
            target = form.get(self.next_param, self.home_path)
            with self.lock:
                account = self.accounts.get(form.get(self.username_name, ""))
            if account is not None and form.get(self.password_name) == account.password:
                with self.lock:
                    self.sign_ins.append(account.username)
                if not target.startswith("/") or target.startswith("//"):
                    target = self.home_path
                if self.challenge_path and (
                    account.verification_code is not None or account.captcha
                ):
                    # A second step (a code, a captcha) before any session starts.
                    challenge = self.start_challenge(account.username, target)
                    return Response.redirect(self.challenge_path + challenge)
                if account.checkpoint:
                    target = self.checkpoint_path
                response = Response.redirect(target)
                response.headers.append(
                    self.session_cookie_header(self.start_session(account.username))
                )
                return response
            error = '<p class="error" role="alert">Wrong username or password.</p>'
        body = f"""<main><section><h1>Sign in to {html.escape(self.title)}</h1>{error}
<form method="post" action="{self.login_path}">
  <input type="hidden" name="{self.next_param}" value="{html.escape(target)}">
  <label for="username">Email or username</label>
  <input id="username" name="{self.username_name}" type="text" autocomplete="username">
  <label for="password">Password</label>
  <input id="password" name="{self.password_name}" type="password"
    autocomplete="current-password">
  <button type="submit">Sign in</button>
</form></section></main>"""
        return Response(200, page(f"Sign in | {self.title}", body))

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
        testid = _testid(opener.testid)
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


def _testid(testid: str | None) -> str:
    return f'data-testid="{html.escape(testid)}"' if testid else ""


def draw(
    control: Control,
    value: bool,
    *,
    copy: bool = False,
    ref: str = "switch-label",
    disabled: bool = False,
) -> str:
    """The HTML of one control in the given position.

    A ``copy`` is a second widget pointing at the same label, as a page that drew
    the setting twice would have. ``ref`` is the label's id where the control
    names none of its own (unique on a page with several controls).
    """
    if control.describedby and not control.labelledby:
        attribute, label_id = "aria-describedby", control.describedby
    else:
        attribute, label_id = "aria-labelledby", control.labelledby or ref
    label = (
        "" if copy else f'<span id="{html.escape(label_id)}">{html.escape(control.label)}</span>'
    )
    off = " disabled" if disabled else ""
    # A copy never repeats an element id of the page.
    own = f'id="{html.escape(control.own_id)}" ' if control.own_id and not copy else ""
    common = f'{own}class="switch" {attribute}="{html.escape(label_id)}" {_testid(control.testid)}'
    if control.kind == "button":
        widget = (
            f'<button type="button" role="switch" {common} '
            f'aria-checked="{"true" if value else "false"}"{off}></button>'
        )
    else:
        role = 'role="switch"' if control.kind == "switch" else ""
        widget = f'<input type="checkbox" {role} {common} {"checked" if value else ""}{off}>'
    state = "On" if value else "Off"
    shown = f'<span class="switch-state" aria-hidden="true">{state}</span>'
    if control.wrapped:
        return f'<label class="toggle"><div>{label}</div><div>{widget}{shown}</div></label>'
    return f'<div class="toggle">{label}{widget}{shown}</div>'


CHECKPOINT = """<main><section><h1>Let's make sure it's you</h1>
<p>Enter the code we sent to your email to continue.</p>
<form><label for="pin">Verification code</label><input id="pin" name="pin">
<button type="submit">Submit</button></form></section></main>"""

SCRIPT = """
const openers = Array.from(document.querySelectorAll('.opener'));
const holder = document.getElementById('setting');
const status = document.getElementById('status');
const wire = (sw) => {
  const isButton = sw.tagName === 'BUTTON';
  const get = () => isButton ? sw.getAttribute('aria-checked') === 'true' : sw.checked;
  const set = (v) => {
    if (isButton) sw.setAttribute('aria-checked', String(v)); else sw.checked = v;
  };
  const shown = sw.parentElement.querySelector('.switch-state');
  const asks = sw.closest('[data-confirm]').dataset.confirm;
  const ask = (want) => new Promise((resolve) => {
    const box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    const strange = asks === 'strange';
    const title = strange ? 'Before you go: tell us why' : (want ? 'Turn on?' : 'Turn off?');
    const yes = strange ? 'Delete my history too' : (want ? 'Turn on' : 'Turn off');
    box.innerHTML = `<h2>${title}</h2><p>This changes how your data is used.</p>` +
      `<button type="button" class="yes">${yes}</button>` +
      '<button type="button" class="no">Cancel</button>';
    document.body.appendChild(box);
    box.querySelector('.yes').addEventListener('click', () => { box.remove(); resolve(true); });
    box.querySelector('.no').addEventListener('click', () => { box.remove(); resolve(false); });
  });
  const changed = async (want) => {
    if (asks && !(await ask(want))) {
      set(!want);
      shown.textContent = get() ? 'On' : 'Off';
      return;
    }
    shown.textContent = want ? 'On' : 'Off';
    try {
      const r = await fetch(sw.closest('[data-api]').dataset.api, {method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({value: want})});
      if (!r.ok) throw new Error(String(r.status));
      status.textContent = 'Saved.';
    } catch (e) {
      set(!want);
      shown.textContent = get() ? 'On' : 'Off';
      status.textContent = "Couldn't save your change. Try again.";
    }
  };
  if (isButton) {
    sw.addEventListener('click', () => { const want = !get(); set(want); changed(want); });
  }
  else sw.addEventListener('change', () => changed(sw.checked));
};
// The controls behind n openers (a menu, a tab, a dialog) exist only once the n-th
// is clicked, as a dialog's content does; those behind none are drawn a moment
// after loading.
const drawn = new Set();
const show = (stage) => {
  const template = document.querySelector(`template.stage[data-stage="${stage}"]`);
  if (!template || drawn.has(stage)) return;
  drawn.add(stage);
  holder.hidden = false;
  const part = document.createElement('div');
  part.appendChild(template.content.cloneNode(true));
  holder.appendChild(part);
  part.querySelectorAll('.switch').forEach(wire);
};
openers.forEach((button, i) => button.addEventListener('click', () => {
  if (openers[i + 1]) openers[i + 1].hidden = false;
  show(i + 1);
}));
setTimeout(() => { if (openers.length) openers[0].hidden = false; show(0); }, 150);
"""
