from django.urls import path

from handlungsfelder import views

app_name = "handlungsfelder"
urlpatterns = [
    path("", views.HandlungsfeldListView.as_view(), name="list"),
    path("<slug:slug>/", views.HandlungsfeldDetailView.as_view(), name="detail"),
]
