"""HTTPS through the guarded transport: the socket goes to the checked IP, TLS still checks the name."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fetch_server import LocalServer, resolve_to_loopback, running_server, send

from strichka.errors import FetchError
from strichka.fetch import Fetcher
from strichka.fetch.network import GuardedTransport
from strichka.models import FetchResult
from strichka.settings import Settings

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402


def _certificate(subject: str, issuer_name: str, public_key, signing_key, *, ca: bool):  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LocalServer, ssl.SSLContext]]:
    """A server with a certificate for secure.example, and a client context that trusts its CA."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = _certificate("strichka test CA", "strichka test CA", ca_key.public_key(), ca_key, ca=True)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf_cert = _certificate("secure.example", "strichka test CA", leaf_key.public_key(), ca_key, ca=False)
    (tmp_path / "leaf.pem").write_bytes(leaf_cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "leaf.key").write_bytes(
        leaf_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(tmp_path / "leaf.pem", tmp_path / "leaf.key")
    client_context = ssl.create_default_context(cadata=ca_cert.public_bytes(serialization.Encoding.PEM).decode())
    with running_server(tls=server_context) as server:
        yield server, client_context


def fetch_over_tls(url: str, client_context: ssl.SSLContext) -> FetchResult:
    transport = GuardedTransport(
        resolver=resolve_to_loopback, allow_private_networks=True, max_connections=2, ssl_context=client_context
    )

    async def go() -> FetchResult:
        async with Fetcher(Settings(allow_private_networks=True, fetch_timeout=5.0), transport=transport) as f:
            return await f.fetch(url)

    return asyncio.run(go())


def test_https_to_the_resolved_address_verifies_the_host_name(tls_server) -> None:  # type: ignore[no-untyped-def]
    server, client_context = tls_server
    server.route("/feed")(lambda h: send(h, 200, b"<rss/>"))
    result = fetch_over_tls(f"https://secure.example:{server.port}/feed", client_context)
    assert (result.status, result.body) == (200, b"<rss/>")


def test_certificate_for_another_name_is_refused(tls_server) -> None:  # type: ignore[no-untyped-def]
    server, client_context = tls_server
    server.route("/feed")(lambda h: send(h, 200, b"<rss/>"))
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED|hostname"):
        fetch_over_tls(f"https://impostor.example:{server.port}/feed", client_context)
    assert server.hits("/feed") == 0
