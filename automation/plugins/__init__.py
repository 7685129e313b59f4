"""The built-in platform plugins, registered through ``privacy_tui.plugins`` like any other."""
