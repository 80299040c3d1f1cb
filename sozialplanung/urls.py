"""Top-level URLs: the cycle dashboard, the legal pages, login and the apps."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from empfehlungen.selectors import wirkungsstand
from empfehlungen.views_kreistag import UmsetzungListView
from empfehlungen.views_wirkung import WirkungListView
from sozialplanung import views
from sozialplanung.cache import fuer_gaeste_zwischenspeichern


def seite(name: str):
    return TemplateView.as_view(template_name=f"seiten/{name}.html")


# Every page of the portal in German at the unprefixed URLs (the default, also for
# browsers that ask for English) and in English under /en/. Staff pages are included:
# their strings are translated too. The admin keeps its German-only URLs.
urlpatterns = i18n_patterns(
    path("", views.ZyklusView.as_view(), name="start"),
    path("zyklus/<int:jahr>/", views.ZyklusView.as_view(), name="zyklus"),
    path("zyklus/<int:jahr>/phase/weiter/", views.PhaseWeiterView.as_view(), name="phase_weiter"),
    path(
        "zyklus/<int:jahr>/phase/zurueck/",
        views.PhaseZurueckView.as_view(),
        name="phase_zurueck",
    ),
    path(
        "protokoll/aenderungen/",
        views.AenderungsprotokollView.as_view(),
        name="aenderungsprotokoll",
    ),
    path(
        "protokoll/aenderungen/<slug:art>/<int:pk>/",
        views.AenderungsverlaufView.as_view(),
        name="aenderungsverlauf",
    ),
    path("impressum/", seite("impressum"), name="impressum"),
    path("datenschutz/", seite("datenschutz"), name="datenschutz"),
    path("barrierefreiheit/", views.BarrierefreiheitView.as_view(), name="barrierefreiheit"),
    path(
        "barrierefreiheit/rueckmeldungen/",
        views.RueckmeldungListView.as_view(),
        name="barrierefreiheit_rueckmeldungen",
    ),
    path(
        "barrierefreiheit/rueckmeldungen/<int:pk>/erledigt/",
        views.RueckmeldungErledigtView.as_view(),
        name="barrierefreiheit_rueckmeldung_erledigt",
    ),
    path("leichte-sprache/", seite("leichte_sprache"), name="leichte_sprache"),
    # Login, logout and password change only: password reset by e-mail needs a mail
    # server the county configures first; until then staff reset passwords in the admin.
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/passwort/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/passwort/geaendert/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("empfehlungen/", include("empfehlungen.urls")),
    path("umsetzung/", UmsetzungListView.as_view(), name="umsetzung"),
    path(
        "wirkung/",
        fuer_gaeste_zwischenspeichern(wirkungsstand)(WirkungListView.as_view()),
        name="wirkung",
    ),
    path("handlungsfelder/", include("handlungsfelder.urls")),
    path("steuerungsgruppe/", include("steuerungsgruppe.urls")),
    path("dossier/", include("dossier.urls")),
    prefix_default_language=False,
) + [
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon, name="favicon"),
]

handler500 = "sozialplanung.middleware.serverfehler"

admin.site.site_header = _("Sozialplanung – Datenverwaltung")
admin.site.site_title = _("Sozialplanung")
admin.site.index_title = _("Daten der Sozialplanung")
