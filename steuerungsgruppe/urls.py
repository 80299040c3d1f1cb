from django.urls import path

from steuerungsgruppe import views

app_name = "steuerungsgruppe"
urlpatterns = [
    path("", views.SteuerungsgruppeView.as_view(), name="index"),
]
