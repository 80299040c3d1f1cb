"""Top-level URLs: the cycle dashboard, the legal pages, login and the apps."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from sozialplanung import views


def seite(name: str):
    return TemplateView.as_view(template_name=f"seiten/{name}.html")


urlpatterns = [
    path("", views.ZyklusView.as_view(), name="start"),
    path("zyklus/<int:jahr>/", views.ZyklusView.as_view(), name="zyklus"),
    path("zyklus/<int:jahr>/phase/weiter/", views.PhaseWeiterView.as_view(), name="phase_weiter"),
    path(
        "zyklus/<int:jahr>/phase/zurueck/",
        views.PhaseZurueckView.as_view(),
        name="phase_zurueck",
    ),
    path("impressum/", seite("impressum"), name="impressum"),
    path("datenschutz/", seite("datenschutz"), name="datenschutz"),
    path("barrierefreiheit/", seite("barrierefreiheit"), name="barrierefreiheit"),
    path("leichte-sprache/", seite("leichte_sprache"), name="leichte_sprache"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("empfehlungen/", include("empfehlungen.urls")),
    path("handlungsfelder/", include("handlungsfelder.urls")),
    path("steuerungsgruppe/", include("steuerungsgruppe.urls")),
    path("dossier/", include("dossier.urls")),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=static("img/favicon.svg")), name="favicon"),
]

admin.site.site_header = "Sozialplanung – Verwaltung"
admin.site.site_title = "Sozialplanung"
admin.site.index_title = "Daten der Sozialplanung"
