"""The replica server answers a request with a bad Content-Length with a 400 and goes on."""

from __future__ import annotations

import socket

import pytest

from automation.replicas import SITES, ReplicaServer
from automation.replicas.server import content_length


def ask(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        return answer


@pytest.mark.parametrize(
    ("value", "length"),
    [(None, 0), ("0", 0), (" 12 ", 12), ("", None), ("abc", None), ("-5", None), ("1e3", None)],
)
def test_a_content_length_is_a_plain_decimal_number(value: str | None, length: int | None) -> None:
    assert content_length(value) == length


@pytest.mark.parametrize("value", ["abc", "-5", "1_0", "²", "", "99999999999"])
def test_a_bad_content_length_is_answered_400_and_the_site_goes_on(value: str) -> None:
    with ReplicaServer([SITES["linkedin"]()]) as server:
        port = int(server.origins["linkedin"].rsplit(":", 1)[1])
        head = f"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: {value}\r\n\r\n"
        answer = ask(port, head.encode())
        assert answer.startswith(b"HTTP/1.0 400 "), answer[:80]
        page = ask(port, b"GET /login HTTP/1.0\r\n\r\n")
        assert page.startswith(b"HTTP/1.0 200 ") and b'id="username"' in page
