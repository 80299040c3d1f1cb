from django.urls import path

from dossier import selectors, views
from sozialplanung.cache import fuer_gaeste_zwischenspeichern

app_name = "dossier"
urlpatterns = [
    path("", views.DossierIndexView.as_view(), name="index"),
    # The report draws a plotly figure per indicator; guests get it from the cache.
    path(
        "<int:jahr>/",
        fuer_gaeste_zwischenspeichern(selectors.dossierstand)(views.DossierDetailView.as_view()),
        name="detail",
    ),
    path("<int:jahr>.pdf", views.DossierPdfView.as_view(), name="pdf"),
    path("<int:jahr>/bearbeiten/", views.DossierBearbeitenView.as_view(), name="bearbeiten"),
]
