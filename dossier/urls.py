from django.urls import path

from dossier import views

app_name = "dossier"
urlpatterns = [
    path("", views.DossierIndexView.as_view(), name="index"),
    path("<int:jahr>/", views.DossierDetailView.as_view(), name="detail"),
    path("<int:jahr>.pdf", views.DossierPdfView.as_view(), name="pdf"),
    path("<int:jahr>/bearbeiten/", views.DossierBearbeitenView.as_view(), name="bearbeiten"),
]
