from django.urls import path

from dossier import views

app_name = "dossier"
urlpatterns = [
    path("", views.DossierIndexView.as_view(), name="index"),
]
