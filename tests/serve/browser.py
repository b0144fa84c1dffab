"""Waiting on the page in browser tests, from outside it."""

from __future__ import annotations

from typing import Any


def wait_until(page: Any, expression: str, seconds: float = 30) -> None:
    """Poll `expression` from outside the page: Playwright's wait_for_function evaluates its
    predicate with eval() inside the page, which the app's Content-Security-Policy forbids."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")
