from django.urls import path

from empfehlungen import views

app_name = "empfehlungen"
urlpatterns = [
    path("", views.HandlungsempfehlungListView.as_view(), name="list"),
    path("<int:pk>/", views.HandlungsempfehlungRedirectView.as_view(), name="detail_kurz"),
    path("<int:pk>/<slug:slug>/", views.HandlungsempfehlungDetailView.as_view(), name="detail"),
]
