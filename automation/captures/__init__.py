"""Captures: recording what a page showed when a setting could not be read (redacted, so it can
be shared), and serving a capture back as a page, so a mismatch seen on a real site can be
replayed against a plugin.
"""
