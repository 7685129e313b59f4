"""A replica site's sign-in form: where signed-out visitors are sent, the form's
fields, the second step of an account that has one and the session a right password
starts.
"""

from __future__ import annotations

import html
from typing import ClassVar

from .server import Request, Response, Site, page


class SignInSite(Site):
    """A replica with a sign-in form. Subclasses declare its paths and field names."""

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
