"""A test's guard that nothing it runs opens a network connection (the recognizers' models must be read from
the installed wheel's files only)."""

from __future__ import annotations

import socket

import pytest


def forbid_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way to open a connection or resolve a name raises for the rest of the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {args}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
