from django.urls import path

from empfehlungen import views, views_kreistag

app_name = "empfehlungen"
urlpatterns = [
    path("", views.HandlungsempfehlungListView.as_view(), name="list"),
    path("<int:pk>/", views.HandlungsempfehlungRedirectView.as_view(), name="detail_kurz"),
    path("<int:pk>/<slug:slug>/", views.HandlungsempfehlungDetailView.as_view(), name="detail"),
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
]
