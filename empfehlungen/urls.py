from django.urls import path

from empfehlungen import selectors, views, views_kreistag, views_wirkung
from sozialplanung.cache import fuer_gaeste_zwischenspeichern

app_name = "empfehlungen"
urlpatterns = [
    path(
        "",
        fuer_gaeste_zwischenspeichern(selectors.listenstand)(
            views.HandlungsempfehlungListView.as_view()
        ),
        name="list",
    ),
    path("export.csv", views.ExportCsvView.as_view(), name="export_csv"),
    path("export.xlsx", views.ExportXlsxView.as_view(), name="export_xlsx"),
    path("neu/", views.HandlungsempfehlungCreateView.as_view(), name="create"),
    path("vorschlaege/", views.VorschlaegeView.as_view(), name="vorschlaege"),
    path("<int:pk>/", views.HandlungsempfehlungRedirectView.as_view(), name="detail_kurz"),
    path("<int:pk>/bearbeiten/", views.HandlungsempfehlungUpdateView.as_view(), name="update"),
    path("<int:pk>/status/", views.HandlungsempfehlungStatusView.as_view(), name="status"),
    path("<int:pk>/verlauf/", views.HandlungsempfehlungVerlaufView.as_view(), name="verlauf"),
    path(
        "<int:pk>/<slug:slug>/",
        fuer_gaeste_zwischenspeichern(selectors.detailstand)(
            views.HandlungsempfehlungDetailView.as_view()
        ),
        name="detail",
    ),
    # Kreistag phase (issue 7)
    path("kreistag/oparl/", views_kreistag.OParlSyncView.as_view(), name="oparl_sync"),
    path(
        "kreistag/beratungen-import/",
        views_kreistag.BeratungenCsvView.as_view(),
        name="beratungen_import",
    ),
    path(
        "kreistag/beratungen-import/vorschau/",
        views_kreistag.BeratungenCsvVorschauView.as_view(),
        name="beratungen_import_vorschau",
    ),
    path(
        "massnahmen/<int:pk>/umsetzung/",
        views_kreistag.MassnahmeStatusView.as_view(),
        name="massnahme_status",
    ),
    path(
        "<int:pk>/vorlage-entwurf.pdf",
        views_kreistag.VorlageEntwurfView.as_view(),
        name="vorlage_entwurf",
    ),
    # Wirkungsorientierung (issue 8): staff pages of impact goals; /wirkung/ is top-level.
    path(
        "<int:pk>/wirkungsziele/neu/",
        views_wirkung.WirkungszielCreateView.as_view(),
        name="wirkungsziel_create",
    ),
    path(
        "wirkungsziele/<int:pk>/",
        views_wirkung.WirkungszielDetailView.as_view(),
        name="wirkungsziel_detail",
    ),
    path(
        "wirkungsziele/<int:pk>/bearbeiten/",
        views_wirkung.WirkungszielUpdateView.as_view(),
        name="wirkungsziel_update",
    ),
    path(
        "wirkungsziele/<int:pk>/messwerte/",
        views_wirkung.WirkungsmessungCreateView.as_view(),
        name="wirkungsmessung_create",
    ),
    path(
        "wirkungsziele/<int:pk>/dialog/",
        views_wirkung.DialognotizCreateView.as_view(),
        name="dialognotiz_create",
    ),
]
