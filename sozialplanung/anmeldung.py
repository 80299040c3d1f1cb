"""What the login lock (django-axes) records: the user name, cut to what a user name can
be, and the client's address."""

from django.conf import settings
from django.contrib.auth import get_user_model

# axes stores the name in a column of 255 characters; PostgreSQL refuses a longer value
# with an error (a 500), SQLite silently keeps it. No real user name is longer than this.
LAENGE = get_user_model()._meta.get_field("username").max_length


def axes_benutzername(request, credentials=None) -> str | None:
    if credentials:
        name = credentials.get("username")
    else:
        name = getattr(request, "POST", {}).get("username")
    return name[:LAENGE] if isinstance(name, str) else name


def client_adresse(request) -> str | None:
    """The browser's address: REMOTE_ADDR, or the header the own reverse proxy sets.

    ``DJANGO_CLIENT_IP_HEADER`` names that header (e.g. ``HTTP_X_REAL_IP``). Behind a proxy,
    REMOTE_ADDR is the proxy for everyone, and the lock would fall on every visitor at once.
    A header a client may send itself is never read unless the deployment names it.
    """
    kopf = settings.CLIENT_IP_HEADER
    adresse = request.META.get(kopf) if kopf else None
    if adresse:
        # A proxy chain appends; the first entry is the one the own proxy saw.
        return adresse.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")
