"""The user name the login lock (django-axes) records, cut to what a user name can be."""

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
