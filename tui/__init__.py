"""The privacy-tui command: the terminal app and the headless commands."""
