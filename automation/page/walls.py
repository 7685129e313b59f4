"""The sign-in forms and walls, kept under their older name: they are
:mod:`automation.domain.walls` (plain data a plugin declares)."""

from automation.domain.walls import CodeForm, LoginForm, Wall

__all__ = ["CodeForm", "LoginForm", "Wall"]
