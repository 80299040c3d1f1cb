"""Demo of the Steuerungsgruppe: the meeting of 12.05.2023 (seed 004) with its assessments.

The protocol gives only the categories and the remarks; the single points below are
invented so that the group results reproduce exactly those categories. The members
beside the demo login are demo people without a password (nobody logs in as them).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.roles import STEUERUNGSGRUPPE
from steuerungsgruppe.models import (
    Bank,
    Einschaetzung,
    FachkraefteEinschaetzung,
    Mitglied,
    Runde,
    Sitzung,
    Tagesordnungspunkt,
)
from steuerungsgruppe.services import (
    bewertungsschema_ensure,
    empfehlung_ergebnis_apply,
    runde_result,
)

SITZUNG_2023 = datetime.date(2023, 5, 12)
NAECHSTE_SITZUNG_2023 = datetime.datetime(2023, 11, 24, 13, 0)
MITGLIED_SEIT = datetime.date(2023, 1, 1)
ANZAHL_MITGLIEDER = 15  # seed 004: 15 votes for every Zielvorschlag

BAENKE = [Bank.POLITIK] * 5 + [Bank.WOHLFAHRT] * 3 + [Bank.INTERESSEN] * 2
BAENKE += [Bank.KOMMUNEN] * 3 + [Bank.KOOPERATION, Bank.VERWALTUNG]

# Offsets of the members' totals around the target; they sum to 0, so the mean is the target.
ABWEICHUNGEN = [-4, -3, -2, -1, 0, 1, 2, 3, 4, -2, 2, -1, 1, 0, 0]

# (title, target mean, x base, y base, Fachkräfte total, abstaining members, remarks)
EINSCHAETZUNGEN_2023 = [
    (
        "Sprachstandserhebung von Kindern in Kindertageseinrichtungen",
        56, 5, 4, 55, [],
        ["Untersuchung nicht nötig, wir wissen, dass es so ist. Geld z. B. für "
         "Sprachtherapie Mütter benutzen"],
    ),
    (
        "Konzeptentwicklung Interkommunale Zusammenarbeit / Zweckverband Soziales",
        54, 4, 5, 52, [14],
        ["Rechtsform Kreis + Kommune wird gebraucht"],
    ),
    ("Bekenntnis der Kreispolitik zur Istanbul-Konvention", 46, 3, 4, 44, [], []),
    ("Mittelgewährung in Verbindung mit Gewaltschutzkonzepten", 44, 4, 3, 47, [], []),
    (
        "Übernahme der ÖPNV-Fahrtkosten für Auszubildende zur Pflegeassistenz",
        33, 3, 2, 30, [],
        ["low hanging fruits analog normaler SchülerInnenbeförderung",
         "Kleine, wichtige benachteiligte Gruppe (viele Frauen)"],
    ),
    (
        "Ämterlotsinnen/Ämterlotsen",
        42, 4, 2, 40, [],
        ["Sollte ausgeweitet werden auf andere Ratsuchende",
         "Passt vielleicht etwas in unsere Strukturen nicht?",
         "Brauchen wir über MS hinaus wirklich mehr?",
         "starke Teilhabe -> glückliche Bürger",
         "Evaluation der bestehenden Beratungen"],
    ),
]  # fmt: skip

TAGESORDNUNG_2023 = [
    ("Begrüßung + Einstieg", Tagesordnungspunkt.Art.TEXT, ""),
    (
        "Sozialpolitische Zielvorschläge 2023",
        Tagesordnungspunkt.Art.ZIELVORSCHLAEGE,
        "Grundsätzlich wird den sieben sozialpolitischen Zielvorschlägen 2023 zugestimmt.\n"
        "Im Bereich der Kritischen Infrastruktur ist zu berücksichtigen, welche Folgen sich "
        "bei Versorgungsengpässen ergeben können.\n"
        "Darüber hinaus sollte es auch einen Plan B im Sinne eines Worst Case Szenarios geben.\n"
        "Bei allen Zielvorschlägen sind auch die sog. Querschnittsthemen zu berücksichtigen. "
        "Dabei sind wiederum der jeweilige rechtliche Rahmen und die sich daraus ergebenden "
        "Kompetenzen zu beachten.\n"
        "Zum Zielvorschlag „Digitalisierung zur Förderung des Gemeinwohls einsetzen“ zählt "
        "auch die Möglichkeit, digital an Sitzungen teilzunehmen (Streaming). Ob die "
        "Kreisordnung dies ermöglicht, sollte geprüft werden.\n"
        "Soziale Lebenswelten in gemeinsamer Verantwortung von Kommunen und Kreis zu "
        "schaffen, ist zwingend umzusetzen.",
    ),
    ("Einschätzung der Handlungsempfehlungen 2023", Tagesordnungspunkt.Art.EMPFEHLUNGEN, ""),
    (
        "Sachstand Evaluation",
        Tagesordnungspunkt.Art.TEXT,
        "Zu den Ergebnissen der 2022 durchgeführten Evaluation hat die Sozialplanung die "
        "Vorlage „Strategische Weiterentwicklung des Systems der Sozialplanung“ erstellt.\n"
        "Die Sozialplanung hat Vorschläge zur Weiterentwicklung des Systems, analog zum "
        "vereinbarten Verfahren bei den Handlungsempfehlungen, mit möglichen "
        "Beschlussformulierungen versehen, die politisch diskutiert und von "
        "Antragsberechtigten aufgegriffen werden können.\n"
        "Die Vorlage wird nach der Sommerpause gemeinsam mit der Vorlage „Sozialplanung – "
        "Sozialpolitische Handlungsfelder“ in den Kreistag eingebracht.",
    ),
    (
        "Flexibilisierung und Nachjustierung der Sozialpolitischen Handlungsfelder",
        Tagesordnungspunkt.Art.TEXT,
        "Die Fachausschüsse haben Beratungsbedarf zu der von der Sozialplanung erstellten "
        "Beschlussvorlage „Sozialplanung – Sozialpolitische Handlungsfelder“ signalisiert.\n"
        "Die Steuerungsgruppe diskutiert über Alternativen zur Begrifflichkeit „nicht "
        "priorisierte Handlungsfelder“.\n"
        "Die Vorlage „Sozialplanung – Sozialpolitische Handlungsfelder“ wird um die "
        "Empfehlungen der Steuerungsgruppe Sozialplanung ergänzt.\n"
        "Die Vorlage wird nach der Sommerpause erneut in den politischen Beratungsprozess "
        "eingebracht.",
    ),
    (
        "Weiterentwicklung Fokusbericht + Film",
        Tagesordnungspunkt.Art.TEXT,
        "Die neue Startseite und das Erklär-Video zur Integrierten Sozialplanung im Kreis "
        "Pinneberg werden präsentiert.\n"
        "Die Steuerungsgruppe Sozialplanung gibt ein positives Feedback zum Aufbau der "
        "Startseite und der gelungenen filmischen Darstellung.\n"
        "Bezüglich der Dauer des Videos wird konstatiert, dass die komplexen Strukturen und "
        "Prozesse nicht in kürzerer Zeit hätten dargestellt werden können.\n"
        "Das angefügte praktische Umsetzungsbeispiel wird für das Verständnis als wichtig "
        "erachtet.",
    ),
    (
        "Ausblick + Termin",
        Tagesordnungspunkt.Art.TEXT,
        "Am Dienstag, 12.09.2023 von 18:00 bis 20:00 Uhr wird den neuen Mitgliedern in der "
        "Kreispolitik und in der Steuerungsgruppe das System der Integrierten Sozialplanung "
        "vorgestellt (im Elmshorner Dienstleistungszentrum).",
    ),
]

# For `make run`: a prepared round the moderator can open in the next meeting.
RUNDE_NOVEMBER = (
    "Ausweitung des Modellprojekts Rucksack KiTa an mindestens einem weiteren Standort "
    "im Kreis Pinneberg"
)


def _punkte(kriterien, summe: int, x: int, y: int) -> dict[str, int]:
    """Spread ``summe`` over the criteria: x and y on the portfolio axes, the rest evenly."""
    x, y = max(0, min(5, x)), max(0, min(5, y))
    rest = summe - x - y
    uebrige = [k for k in kriterien if not k.portfolio_achse]
    anteil, ueberschuss = divmod(rest, len(uebrige))
    punkte = {}
    for kriterium in kriterien:
        if kriterium.portfolio_achse == "zielgruppe":
            punkte[str(kriterium.pk)] = x
        elif kriterium.portfolio_achse == "strategie":
            punkte[str(kriterium.pk)] = y
    for nr, kriterium in enumerate(uebrige):
        punkte[str(kriterium.pk)] = anteil + (1 if nr < ueberschuss else 0)
    assert sum(punkte.values()) == summe and max(punkte.values()) <= 5, summe
    return punkte


def mitglieder_laden(upsert) -> list[Mitglied]:
    User = get_user_model()
    gruppe = Group.objects.get_or_create(name=STEUERUNGSGRUPPE)[0]
    mitglieder = []
    for nr in range(1, ANZAHL_MITGLIEDER + 1):
        if nr == 1:
            user = User.objects.get(username="steuerungsgruppe")
        else:
            user, created = User.objects.get_or_create(
                username=f"sg-mitglied-{nr:02d}",
                defaults={"first_name": "Mitglied", "last_name": f"{nr:02d} (Demo)"},
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            user.groups.add(gruppe)
        bank = BAENKE[nr - 1]
        mitglieder.append(
            upsert(
                Mitglied,
                user=user,
                defaults={
                    "organisation": f"{Bank(bank).label} – Sitz {nr} (Demo)",
                    "bank": bank,
                    "mitglied_von": MITGLIED_SEIT,
                    "mitglied_bis": None,
                },
            )
        )
    return mitglieder


def sitzung_2023_laden(upsert, planungsjahr, mitglieder) -> Sitzung:
    tz = timezone.get_current_timezone()
    sitzung = upsert(
        Sitzung,
        planungsjahr=planungsjahr,
        datum=SITZUNG_2023,
        defaults={
            "ort": "Kreishaus",
            "naechste_sitzung": timezone.make_aware(NAECHSTE_SITZUNG_2023, tz),
            "naechste_sitzung_ort": "im Kreishaus",
        },
    )
    for nr, (titel, art, text) in enumerate(TAGESORDNUNG_2023, 1):
        upsert(
            Tagesordnungspunkt,
            sitzung=sitzung,
            reihenfolge=nr,
            defaults={"titel": titel, "art": art, "text": text},
        )
    schema = bewertungsschema_ensure(planungsjahr=planungsjahr)
    kriterien = list(schema.kriterien.order_by("reihenfolge", "pk"))
    beginn = timezone.make_aware(datetime.datetime(2023, 5, 12, 15, 0), tz)
    fachkraft = get_user_model().objects.get(username="sozialplanung")
    for nr, (titel, ziel, x, y, fk_summe, enthalten, anmerkungen) in enumerate(
        EINSCHAETZUNGEN_2023, 1
    ):
        empfehlung = Handlungsempfehlung.objects.get(titel=titel, planungsjahr=planungsjahr)
        zeiten = {
            "geoeffnet": beginn + datetime.timedelta(minutes=10 * nr),
            "geschlossen": beginn + datetime.timedelta(minutes=10 * nr + 8),
        }
        runde = Runde.objects.filter(handlungsempfehlung=empfehlung).first()
        if runde is None:
            # Scored while open, then closed, as in the meeting: a closed round takes no
            # more entries (Runde.save and Einschaetzung.save refuse them).
            runde = Runde.objects.create(
                handlungsempfehlung=empfehlung,
                sitzung=sitzung,
                art=Runde.Art.SITZUNG,
                status=Runde.Status.OFFEN,
                reihenfolge=nr,
                geoeffnet=zeiten["geoeffnet"],
            )
            neue = []
            for i, mitglied in enumerate(mitglieder):
                enthaltung = i in enthalten
                neue.append(
                    Einschaetzung(
                        runde=runde,
                        handlungsempfehlung=empfehlung,
                        mitglied=mitglied,
                        punkte={}
                        if enthaltung
                        else _punkte(
                            kriterien, ziel + ABWEICHUNGEN[i], x + i % 3 - 1, y + (i + 1) % 3 - 1
                        ),
                        summe=None if enthaltung else ziel + ABWEICHUNGEN[i],
                        enthaltung=enthaltung,
                        anmerkung=anmerkungen[i] if i < len(anmerkungen) else "",
                    )
                )
            bulk_create_with_history(neue, Einschaetzung)
            FachkraefteEinschaetzung.objects.create(
                runde=runde,
                punkte=_punkte(kriterien, fk_summe, x, y),
                summe=fk_summe,
                erfasst_von=fachkraft,
            )
            runde.status = Runde.Status.GESCHLOSSEN
            runde.geschlossen = zeiten["geschlossen"]
            runde.save()
        else:
            runde = upsert(
                Runde,
                handlungsempfehlung=empfehlung,
                defaults={
                    "sitzung": sitzung,
                    "art": Runde.Art.SITZUNG,
                    "status": Runde.Status.GESCHLOSSEN,
                    "reihenfolge": nr,
                    **zeiten,
                },
            )
        # The category comes from the stored assessments, as after a real meeting.
        ergebnis = runde_result(runde)
        empfehlung_ergebnis_apply(
            handlungsempfehlung_id=empfehlung.pk, kategorie=ergebnis.kategorie
        )
    return sitzung


def sitzung_november_laden(upsert, planungsjahr) -> Sitzung:
    sitzung = upsert(
        Sitzung,
        planungsjahr=planungsjahr,
        datum=NAECHSTE_SITZUNG_2023.date(),
        defaults={"ort": "Kreishaus"},
    )
    upsert(
        Tagesordnungspunkt,
        sitzung=sitzung,
        reihenfolge=1,
        defaults={
            "titel": "Einschätzung der Handlungsempfehlungen",
            "art": Tagesordnungspunkt.Art.EMPFEHLUNGEN,
        },
    )
    empfehlung = Handlungsempfehlung.objects.filter(
        titel=RUNDE_NOVEMBER, planungsjahr=planungsjahr
    ).first()
    if (
        empfehlung is not None
        and not Runde.objects.filter(handlungsempfehlung=empfehlung).exists()
    ):
        Runde.objects.create(
            handlungsempfehlung=empfehlung, sitzung=sitzung, art=Runde.Art.SITZUNG, reihenfolge=1
        )
    return sitzung


def laden(upsert, planungsjahr) -> None:
    mitglieder = mitglieder_laden(upsert)
    sitzung_2023_laden(upsert, planungsjahr, mitglieder)
    sitzung_november_laden(upsert, planungsjahr)
