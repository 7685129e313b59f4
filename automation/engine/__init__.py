"""The engine: what composes the layers below into one object the screen and the headless
commands drive: the engine itself, the runtime that builds it from the config, and the demo
that serves the replica sites.
"""
