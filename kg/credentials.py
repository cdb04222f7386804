"""Credentials for a remote store (`kg push`, `kg query --endpoint`): read from the environment
only, never from the command line, and a warning when they would cross the network unencrypted.

Nothing here imports rdflib, so ``kg query`` stays quick to start.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
from typing import Mapping, Optional

from kg.errors import EndpointError

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"


def credentials_from_env(environ: Mapping[str, str] = os.environ) -> Optional[tuple[str, str]]:
    """(user, password) from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or None when neither is
    set; one without the other is an error rather than a silent anonymous request."""
    user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
    if user is None and password is None:
        return None
    if user is None or password is None:
        missing = USER_VARIABLE if user is None else PASSWORD_VARIABLE
        given = PASSWORD_VARIABLE if user is None else USER_VARIABLE
        raise EndpointError(f"{given} is set but {missing} is not; set both for HTTP basic auth, or neither")
    return user, password


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a URL's hostname) names this machine by a loopback address: 127.0.0.0/8,
    ::1 (also IPv4-mapped), ``localhost`` and names under ``.localhost`` (RFC 6761)."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # any other name may resolve anywhere
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def cleartext_warning(url: str, auth: Optional[tuple[str, str]]) -> Optional[str]:
    """The warning to give before credentials go to ``url``, or None: basic auth over plain
    http:// is readable by anyone on the way, unless the host is this machine."""
    if auth is None:
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() != "http" or is_loopback(parts.hostname or ""):
        return None
    where = parts.netloc.rpartition("@")[2]  # host and port; never a user or password written in the URL
    return (f"the credentials of {USER_VARIABLE} and {PASSWORD_VARIABLE} go to {where} over plain http://, "
            "unencrypted; use an https:// URL to keep them secret")
