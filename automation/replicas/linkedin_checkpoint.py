"""The replica LinkedIn's security checks under ``/checkpoint/``.

After a correct password, an account that has a verification code set gets the
emailed-PIN page (its field ``input[name="pin"]`` with id
``input__email_verification_pin`` and the submit button ``#email-pin-submit-button``,
as public automation code records them); an account marked ``captcha`` gets a check
that only a person can pass. A signed-in account marked ``checkpoint`` meets that
check on every page. Only passing the code starts a session.
"""

from __future__ import annotations

import html

from .server import Request, Response, Site, page

PREFIX = "/checkpoint/challenge/"
VERIFY = PREFIX + "verify"
TITLE = "Security Verification | LinkedIn"


def handle(site: Site, request: Request) -> Response:
    """Answer any request under ``/checkpoint/``."""
    if request.method == "POST" and request.path == VERIFY:
        return _verify(site, request)
    challenge = request.path[len(PREFIX) :] if request.path.startswith(PREFIX) else ""
    found = site.challenge(challenge) if challenge else None
    if found is not None and not found[0].captcha:
        return Response(200, page(TITLE, _code_page(challenge)))
    return Response(200, page(TITLE, _CAPTCHA))


def _verify(site: Site, request: Request) -> Response:
    form = request.form()
    challenge = form.get("challengeId", "")
    found = site.challenge(challenge)
    if found is None:
        return Response(200, page(TITLE, _CAPTCHA))
    account, target = found
    if account.verification_code is None or form.get("pin") != account.verification_code:
        error = (
            '<p class="error" role="alert">The verification code you entered isn\'t valid. '
            "Please check the code and try again.</p>"
        )
        return Response(200, page(TITLE, _code_page(challenge, error)))
    token = site.pass_challenge(challenge)
    response = Response.redirect(target)
    response.headers.append(site.session_cookie_header(token))
    return response


def _code_page(challenge: str, error: str = "") -> str:
    return f"""<main><section><h1>Let's do a quick verification</h1>{error}
<p>The login attempt seems suspicious. To finish signing in please enter the verification
code we sent to your email address.</p>
<form method="post" action="{VERIFY}">
  <input type="hidden" name="challengeId" value="{html.escape(challenge)}">
  <label for="input__email_verification_pin">Enter code</label>
  <input id="input__email_verification_pin" name="pin" type="text" inputmode="numeric"
    autocomplete="one-time-code" maxlength="6">
  <button id="email-pin-submit-button" type="submit">Submit</button>
</form></section></main>"""


_CAPTCHA = """<main><section><h1>Let's do a quick security check</h1>
<p>We need to verify it's you. Solve the puzzle below to continue.</p>
<iframe id="captcha-internal" title="Security verification"
  srcdoc="<p>Pick every picture with a traffic light.</p>"></iframe>
</section></main>"""
