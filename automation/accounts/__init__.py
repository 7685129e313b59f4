"""Accounts: signing in (headless, or in a visible window), the credentials in the keyring, the
sessions kept between runs and their sealing, and running the keyring's blocking calls off
the event loop.
"""
