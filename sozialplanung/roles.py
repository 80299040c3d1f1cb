"""The portal's roles, which are Django groups, and the checks views use."""

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.models import Group, Permission

SOZIALPLANUNG = "Sozialplanung"
STEUERUNGSGRUPPE = "Steuerungsgruppe"
FOKUSGRUPPE = "Fokusgruppe"
ROLLEN = (SOZIALPLANUNG, STEUERUNGSGRUPPE, FOKUSGRUPPE)

# The apps whose data the Sozialplanung staff maintain.
STAFF_APPS = ("sozialplanung", "handlungsfelder", "empfehlungen", "steuerungsgruppe", "dossier")


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached per request object so that templates may ask repeatedly for free.
    cache = getattr(user, "_rollen_cache", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._rollen_cache = cache
    return role in cache


def is_sozialplanung(user) -> bool:
    return has_role(user, SOZIALPLANUNG)


class RoleRequiredMixin(AccessMixin):
    """Anonymous visitors are sent to the login, logged-in users without the role get 403.

    Views load their objects in ``prepare``, which runs only after the role check, so
    that nobody without the role learns anything from a redirect or a lookup.
    """

    # One role, or a tuple of roles of which the user needs any.
    required_role: str | tuple[str, ...] = SOZIALPLANUNG
    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        rollen = (
            (self.required_role,) if isinstance(self.required_role, str) else self.required_role
        )
        if not any(has_role(request.user, rolle) for rolle in rollen):
            self.raise_exception = True
            return self.handle_no_permission()
        antwort = self.prepare(request, *args, **kwargs)
        if antwort is not None:
            return antwort
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, request, *args, **kwargs):
        """Load what the view needs; return a response to stop early."""
        return None


def grant_staff_permissions(**kwargs) -> None:
    """Give the Sozialplanung group every permission on the portal's own models."""
    group = Group.objects.filter(name=SOZIALPLANUNG).first()
    if group is None:
        return
    perms = Permission.objects.filter(content_type__app_label__in=STAFF_APPS)
    group.permissions.add(*perms)
