"""The plugin contract: what a platform plugin declares and what it can do.

A plugin describes one platform. Most of it is data: its origin, its settings (each
with a :class:`~automation.domain.settings.Switch` saying where the switch is), the paths of
its sign-in and verification pages, its sign-in form, the field a verification page
takes a code in, and the page that shows an account is signed in. A plugin declares;
page objects act: :mod:`automation.page.actions` reads and changes each setting with the
page object of its switch's shape, and :mod:`automation.accounts.signin` signs in with
the forms declared here. A plugin whose page needs a flow of its own (a drop-down, a
first-run question) defines a page class in its own module and names it as
:attr:`Plugin.page_class`; this module imports no page, sign-in or browser code.

A setting names neither its platform nor, when it is a switch, its page's address:
the class fills both in (the address is the switch's path on ``default_origin``),
and ``off`` is the recommendation unless the setting says otherwise. A new switch
is its text for people and one :class:`~automation.domain.settings.Switch`::

    class MyPlatform(Plugin):
        name = "myplatform"
        title = "My Platform"
        default_origin = "https://example.org"
        settings = (
            Setting(
                key="ai_training",
                label="Use my posts to train AI",
                description="Lets My Platform train its models on your posts.",
                manual_steps=("Open Settings, Privacy.", "Switch it off."),
                source="My Platform Help",
                switch=Switch("/settings/privacy", names=("Use my posts to train AI",)),
            ),
        )

Settings that share their text (one kind of page, one source) come from one
:class:`~automation.domain.settings.Toggles`.

Plugins never launch a browser: the engine hands them a Playwright ``Page`` in the
platform's own browser context. They are registered through the entry-point group
``privacy_tui.plugins``, the same way for built-in and third-party plugins::

    [project.entry-points."privacy_tui.plugins"]
    myplatform = "mypackage.plugin:MyPlatform"
"""

from __future__ import annotations

import ipaddress
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, Protocol
from urllib.parse import urlsplit

# A setting's label in a Sentence is said in the language spoken once setting_text is in.
from automation import setting_text  # noqa: F401
from automation.domain.settings import Reading, Setting, State
from automation.domain.walls import CodeForm, LoginForm, Wall
from automation.language import Sentence

if TYPE_CHECKING:
    from playwright.async_api import Page


class SettingPage(Protocol):
    """What acts on a setting's page for a plugin: a page object
    (:mod:`automation.page.shapes` has the shared ones). Made with the plugin and the
    browser page it acts on."""

    def __init__(self, plugin: Plugin, page: Page) -> None: ...

    async def read(self, setting: Setting) -> Reading: ...

    async def write(self, setting: Setting, value: State) -> Reading: ...

    async def instances(self, setting: Setting) -> list[str] | Reading: ...


class Plugin:
    """Base class of every platform plugin.

    Subclasses set the class attributes; ``origin`` can be overridden per instance
    (the config's ``[platforms.NAME] origin``), which is how replica sites are used.
    Defining a subclass fills in its settings' platform and address (see the module's
    documentation); a setting of another platform is refused with ``TypeError``.
    """

    #: Short name used in setting ids and the config (``linkedin``).
    name: ClassVar[str]
    #: The platform's own name, for people (``LinkedIn``).
    title: ClassVar[str]
    #: The real site's origin.
    default_origin: ClassVar[str]
    #: The settings this plugin covers, in checklist order.
    settings: ClassVar[tuple[Setting, ...]]
    #: Where the checklist puts this platform (lower first).
    order: ClassVar[int] = 100
    #: Path prefixes of sign-in pages and of walls that ask a signed-out visitor to join.
    login_paths: ClassVar[tuple[str, ...]] = ()
    #: Address prefixes of sign-in pages on another host (a single sign-on service).
    login_urls: ClassVar[tuple[str, ...]] = ()
    #: Path prefixes of verification pages (two-step checks, challenges, captchas).
    checkpoint_paths: ClassVar[tuple[str, ...]] = ()
    #: Other origins where the platform signs people in (Google's accounts.google.com);
    #: pages there are judged by ``login_paths`` and ``checkpoint_paths`` too.
    sign_in_origins: ClassVar[tuple[str, ...]] = ()
    #: Hosts of the platform's own, beyond its site's domain, that its pages need to
    #: work (a content network serving its scripts), as domain names: ``"licdn.com"``
    #: lets ``static.licdn.com`` through. Everything else a page asks for from another
    #: host (trackers, ad networks, analytics) is blocked while reading.
    asset_hosts: ClassVar[tuple[str, ...]] = ()
    #: The sign-in form, when the platform has one a browser can fill.
    login_form: ClassVar[LoginForm | None] = None
    #: The field of a verification page that takes an emailed or texted code.
    code_form: ClassVar[CodeForm | None] = None
    #: A page a signed-in account reaches, where signing in looks for the
    #: account's sign. ``None``: the page of :meth:`session_proof`'s setting (for a
    #: setting kept per blog, the page that lists the blogs).
    signed_in_path: ClassVar[str | None] = None
    #: The key of the setting whose page proves a sign-in when no
    #: :attr:`signed_in_path` is given. ``None``: the first setting that is a switch.
    session_setting: ClassVar[str | None] = None
    #: CSS selector of what only a signed-in account's pages draw (an account menu, an
    #: avatar), where it is on record. With :attr:`session_cookies`, the positive sign
    #: of an account: a page shows ``on`` or ``off`` only where one of them is found.
    signed_in_marker: ClassVar[str | None] = None
    #: Cookies only a signed-in browser holds, where their names are on public record.
    session_cookies: ClassVar[tuple[str, ...]] = ()
    #: The public address(es) that record :attr:`session_cookies` or
    #: :attr:`signed_in_marker` (a URL, or ``owner/repo@commit:path``).
    account_source: ClassVar[str] = ""
    #: Pages on hosts below the origin's (``<name>.substack.com`` below
    #: ``substack.com``) are the platform's own too: a platform whose blogs each
    #: live on a host of their own.
    subdomains: ClassVar[bool] = False
    #: The page object that reads and changes every setting of this plugin, when its
    #: pages need a flow of their own (a drop-down, a first-run question): the class, or
    #: where it is as ``"module:Class"`` (imported when a page is first worked on, so a
    #: plugin's module stays data); ``None``: the shared page object of each setting's
    #: ``Switch.shape``.
    page_class: ClassVar[type[SettingPage] | str | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A base class shared by several plugins names no platform yet.
        if hasattr(cls, "name") and ("name" in vars(cls) or "settings" in vars(cls)):
            cls.settings = tuple(cls._own(setting) for setting in getattr(cls, "settings", ()))

    @classmethod
    def _own(cls, setting: Setting) -> Setting:
        """``setting`` as this platform's: its platform and its page's address filled in.

        Raises ``TypeError`` for a setting of another platform, or one that has
        neither an address nor a switch to take it from.
        """
        if setting.platform and setting.platform != cls.name:
            raise TypeError(
                f"{cls.__name__} is the {cls.name!r} plugin but lists "
                f"{setting.platform}.{setting.key}, a setting of another platform"
            )
        url = setting.url
        if not url:
            if setting.switch is None:
                raise TypeError(
                    f"{cls.name}.{setting.key} has no switch, so it needs its url: "
                    "the page, form or email a person uses"
                )
            url = setting.switch.address(cls.default_origin)
        return replace(setting, platform=cls.name, url=url)

    @classmethod
    def setting(cls, key: str) -> Setting:
        """This plugin's setting ``key``; ``KeyError`` when it has none."""
        for setting in cls.settings:
            if setting.key == key:
                return setting
        raise KeyError(f"{cls.name}.{key}")

    def __init__(self, origin: str | None = None) -> None:
        self.origin = (origin or self.default_origin).rstrip("/")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(origin={self.origin!r})"

    # -- addresses -------------------------------------------------------------

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this plugin's origin."""
        return self.origin + path

    def page_url(self, setting: Setting) -> str:
        """The page a person opens to change ``setting`` on this origin (on its blog's
        own host below the origin, for a switch with a ``subdomain``)."""
        if setting.switch is None:
            return setting.url
        return setting.switch.address(self.origin)

    def trusted_origin(self) -> bool:
        """Whether a password may be typed in here: the real site over HTTPS, or this machine."""
        if self.origin == self.default_origin.rstrip("/"):
            return urlsplit(self.origin).scheme == "https"
        host = urlsplit(self.origin).hostname or ""
        # Names under localhost are this machine's own (RFC 6761); browsers resolve
        # them to a loopback address without asking anyone.
        if host == "localhost" or host.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def password_refused(self) -> str | None:
        """Why a password typed by the user may not be sent to this origin, if so.

        A password goes only to the platform's real site over HTTPS, or to a replica
        on this machine (a loopback address): never to whatever origin a config names.
        """
        if self.trusted_origin():
            return None
        return Sentence(
            "Not signed in to {title}: its origin is set to {origin}, and a "
            "password is sent only to {default} or to a replica on this "
            "machine. Check [platforms.{name}] origin in the config.",
            title=self.title,
            origin=self.origin,
            default=self.default_origin,
            name=self.name,
        )

    def signed_in_url(self) -> str:
        """The page whose loading without a wall shows the account is signed in."""
        if self.signed_in_path:
            return self.url(self.signed_in_path)
        setting = self.session_proof()
        if setting is not None and setting.per is not None:
            return self.url(setting.per.path)
        if setting is not None and setting.switch is not None:
            return self.url(setting.switch.path)
        return self.origin + "/"

    def landed(self, asked: str, final: str) -> bool:
        """Whether ``final``, where opening ``asked`` ended, is the page asked for: the
        same path. A platform that moves every visitor to a path of the account's own
        (a market, a user name) says so here."""
        return urlsplit(final).path.rstrip("/") == urlsplit(asked).path.rstrip("/")

    def session_proof(self) -> Setting | None:
        """The setting whose page proves a sign-in (see :attr:`session_setting`)."""
        if self.session_setting is not None:
            return self.setting(self.session_setting)
        return next((s for s in self.settings if s.switch is not None), None)

    def offers_password(self) -> bool:
        """Whether a username and password can sign in here: the platform has a
        sign-in form a browser can fill (:attr:`login_form`)."""
        return self.login_form is not None

    def sign_in_url(self) -> str:
        """Where a person signs in: the sign-in form's page, else the origin."""
        return self.url(self.login_form.path) if self.login_form else self.origin + "/"

    def on_origin(self, url: str) -> bool:
        """Whether ``url`` is on the platform's origin (or, with :attr:`subdomains`,
        on a host below it)."""
        split, mine = urlsplit(url), urlsplit(self.origin)
        if split.scheme != mine.scheme:
            return False
        if split.netloc == mine.netloc:
            return True
        return self.subdomains and split.netloc.endswith("." + mine.netloc)

    def first_party(self, url: str) -> bool:
        """Whether a page of this platform may load ``url``: the platform's own site
        (its domain and the hosts below it), its sign-in origins and login pages, and
        its :attr:`asset_hosts`. A loopback or IP origin allows only itself."""
        split = urlsplit(url)
        if split.scheme in ("data", "blob", "about"):
            return True
        if self.on_origin(url) or any(url.startswith(p) for p in self.login_urls):
            return True
        if f"{split.scheme}://{split.netloc}" in self.sign_in_origins:
            return True
        host, mine = split.hostname or "", urlsplit(self.origin).hostname or ""
        if _is_address(mine) or mine == "localhost" or mine.endswith(".localhost"):
            return False  # a replica on this machine: its own origin, and nothing else
        site = ".".join(mine.split(".")[-2:])
        return any(
            host == domain or host.endswith("." + domain) for domain in (site, *self.asset_hosts)
        )

    # -- recognising pages ------------------------------------------------------

    def wall(self, url: str) -> Wall | None:
        """Tell a sign-in page, a join wall or a checkpoint from the rest, by URL.

        Override to look at the page too when the platform keeps the URL.
        """
        if any(url.startswith(prefix) for prefix in self.login_urls):
            return Wall("login", _sign_in_page(self.title))
        split = urlsplit(url)
        if (
            not self.on_origin(url)
            and f"{split.scheme}://{split.netloc}" not in self.sign_in_origins
        ):
            return None
        path = split.path
        if any(path.startswith(p) for p in self.checkpoint_paths):
            return Wall(
                "checkpoint",
                Sentence(
                    "{title} wants to verify it is you (a security check). "
                    "Sign in once in a browser window (privacy-tui login {name}), "
                    "then check again.",
                    title=self.title,
                    name=self.name,
                ),
            )
        if any(path.startswith(p) for p in self.login_paths):
            return Wall("login", _sign_in_page(self.title))
        return None


__all__ = ["CodeForm", "LoginForm", "Plugin", "Wall"]


def _sign_in_page(title: str) -> str:
    return Sentence("Not signed in to {title}: it showed its sign-in page.", title=title)


def _is_address(host: str) -> bool:
    """Whether ``host`` is an IP address rather than a name."""
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
