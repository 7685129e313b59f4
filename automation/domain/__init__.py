"""The domain: what a setting is and what can be said about it (states, settings, readings,
evidence), what a person wishes for it, the presets, the events a check reports as it goes,
the tally of a run, and text from outside made safe for a terminal. Plain Python: it knows
no browser, no file and no screen.
"""
