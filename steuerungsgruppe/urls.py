from django.urls import path

from steuerungsgruppe import views

app_name = "steuerungsgruppe"
urlpatterns = [
    path("", views.SteuerungsgruppeView.as_view(), name="index"),
    path("sitzungen/<int:pk>/", views.ProtokollView.as_view(), name="protokoll"),
    path(
        "sitzungen/<int:pk>/protokoll.pdf", views.ProtokollPdfView.as_view(), name="protokoll_pdf"
    ),
    path("sitzungen/<int:pk>/ergebnisse/", views.ErgebnisseView.as_view(), name="ergebnisse"),
    path("sitzungen/<int:pk>/moderation/", views.ModerationView.as_view(), name="moderation"),
    path(
        "sitzungen/<int:pk>/moderation/stand/",
        views.ModerationStandView.as_view(),
        name="moderation_stand",
    ),
    path("runden/<int:pk>/oeffnen/", views.RundeOeffnenView.as_view(), name="runde_oeffnen"),
    path(
        "runden/<int:pk>/schliessen/", views.RundeSchliessenView.as_view(), name="runde_schliessen"
    ),
    path(
        "runden/<int:pk>/einschaetzung/", views.EinschaetzungView.as_view(), name="einschaetzung"
    ),
    path("runden/<int:pk>/papierbogen/", views.PapierbogenView.as_view(), name="papierbogen"),
    path("runden/<int:pk>/fachkraefte/", views.FachkraefteView.as_view(), name="fachkraefte"),
    path("einschaetzen/", views.MitwirkenView.as_view(), name="mitwirken"),
    path("umlauf/", views.UmlaufView.as_view(), name="umlauf"),
    path(
        "zielvorschlaege/<int:jahr>/abstimmen/",
        views.ZielvorschlaegeAbstimmenView.as_view(),
        name="zielvorschlaege_abstimmen",
    ),
    path("portfolio/<int:jahr>/", views.PortfolioView.as_view(), name="portfolio"),
]
