"""The privacy-tui engine: settings, plugins, the browser, config and export.

Nothing in this package knows that a screen exists; the terminal app and the
headless commands in ``tui`` both drive it through :class:`automation.engine.core.Engine`.
"""

__version__ = "0.1.0"
