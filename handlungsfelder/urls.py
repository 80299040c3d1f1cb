from django.urls import path

from handlungsfelder import views

app_name = "handlungsfelder"
urlpatterns = [
    path("", views.HandlungsfeldListView.as_view(), name="list"),
    path("indikatoren/", views.IndikatorListView.as_view(), name="indikator_list"),
    path("indikatoren/<int:pk>/", views.IndikatorDetailView.as_view(), name="indikator"),
    path("import/", views.IndikatorUploadView.as_view(), name="import"),
    path("import/<int:pk>/", views.IndikatorImportVorschauView.as_view(), name="import_vorschau"),
    path("<slug:slug>/", views.HandlungsfeldDetailView.as_view(), name="detail"),
    path(
        "<slug:slug>/analyse/<int:jahr>/",
        views.StrategischeAnalyseView.as_view(),
        name="analyse",
    ),
]
